import { describe, expect, it } from 'vitest';
import { colorForUser } from '@conjecture/shared';
import { BoardAuthorshipSchema } from '@conjecture/shared';
import {
  attributionLabel,
  chippedShapeIds,
  creatorColor,
  labelledShapeId,
  listNames,
} from './attributionModel.js';

const names: Record<string, string> = { ada: 'Ada', bruno: 'Bruno', cleo: 'Cleo' };
const resolveName = (id: string) => names[id] ?? 'someone';
const authorship = BoardAuthorshipSchema.parse({
  'shape:solo': { creator: 'ada', authors: ['ada'] },
  'shape:shared': { creator: 'ada', authors: ['ada', 'bruno', 'cleo'] },
});

describe('attribution', () => {
  it('names the creator alone when nobody else wrote the shape', () => {
    expect(attributionLabel(authorship, 'shape:solo', resolveName)).toBe('by Ada');
  });

  it('names the editors after the creator, in order of first write', () => {
    expect(attributionLabel(authorship, 'shape:shared', resolveName)).toBe(
      'by Ada, edited by Bruno and Cleo',
    );
  });

  it('says nothing about a shape the log does not know', () => {
    expect(attributionLabel(authorship, 'shape:new', resolveName)).toBeNull();
    expect(creatorColor(authorship, 'shape:new')).toBeNull();
  });

  it('colours a shape with its creator’s cursor colour', () => {
    expect(creatorColor(authorship, 'shape:shared')).toBe(colorForUser('ada'));
    expect(creatorColor(authorship, 'shape:shared')).not.toBe(colorForUser('bruno'));
  });

  it('lists names in plain English', () => {
    expect(listNames([])).toBe('');
    expect(listNames(['A'])).toBe('A');
    expect(listNames(['A', 'B', 'C'])).toBe('A, B and C');
  });

  it('refuses an answer that is not an authorship map', () => {
    expect(BoardAuthorshipSchema.safeParse({ 'shape:x': { creator: 1 } }).success).toBe(false);
  });
});

describe('what shows under a shape', () => {
  const all = ['shape:table', 'shape:line', 'shape:note'];
  const focus = { hovered: 'shape:line', selected: ['shape:table'], editing: null };

  it('chips the hovered and selected shapes, or all of them with "Show representation types"', () => {
    expect(chippedShapeIds(all, focus, false)).toEqual(['shape:table', 'shape:line']);
    expect(chippedShapeIds(all, focus, true)).toEqual(all);
  });

  it('chips not the shape being edited: its form hangs there (the chip covered a table’s "+ row")', () => {
    const editing = { hovered: null, selected: ['shape:table'], editing: 'shape:table' };
    expect(chippedShapeIds(all, editing, false)).toEqual([]);
    expect(chippedShapeIds(all, editing, true)).toEqual(['shape:line', 'shape:note']);
  });

  it('labels the hovered shape, else the only selected one, but not one being edited', () => {
    expect(labelledShapeId(focus)).toBe('shape:line');
    expect(labelledShapeId({ hovered: null, selected: ['shape:table'], editing: null })).toBe('shape:table');
    expect(labelledShapeId({ hovered: null, selected: all, editing: null })).toBeNull();
    expect(labelledShapeId({ hovered: null, selected: ['shape:table'], editing: 'shape:table' })).toBeNull();
  });
});
