import { describe, expect, it } from 'vitest';
import type { Group } from '@conjecture/shared';
import { ApiRequestError } from '../api/http.js';
import { checkGroupName, errorText, refusedForWork } from './groupEditing.js';

const tigers: Group = { groupId: 'group-0001', name: 'Tigers', boardId: 'board-0001' };
const lions: Group = { groupId: 'group-0002', name: 'Lions', boardId: 'board-0002' };
const groups = [tigers, lions];

describe('checking a new group name', () => {
  it('trims and collapses spaces, like the server', () => {
    expect(checkGroupName('  Red   Pandas ', tigers, groups)).toEqual({ ok: true, name: 'Red Pandas' });
  });

  it('reports no change for the same name (nothing to send)', () => {
    expect(checkGroupName(' Tigers ', tigers, groups)).toEqual({ ok: true, name: null });
  });

  it('refuses an empty, a too long and another group’s name (any case)', () => {
    expect(checkGroupName('   ', tigers, groups)).toEqual({ ok: false, message: 'enter a name' });
    expect(checkGroupName('x'.repeat(41), tigers, groups)).toMatchObject({ ok: false });
    expect(checkGroupName('lions', tigers, groups)).toEqual({
      ok: false,
      message: 'another group is already called "Lions"',
    });
  });
});

describe('server refusals', () => {
  it('show the first issue of a refused body, and recognise a delete refused for work', () => {
    const bad = new ApiRequestError('bad_request', 'invalid group name', 400, [
      { path: ['name'], message: 'enter a name' },
    ]);
    expect(errorText(bad)).toBe('enter a name');
    const conflict = new ApiRequestError('conflict', '"Tigers" has 2 items on its board', 409);
    expect(errorText(conflict)).toBe('"Tigers" has 2 items on its board');
    expect(refusedForWork(conflict)).toBe(true);
    expect(refusedForWork(bad)).toBe(false);
  });
});
