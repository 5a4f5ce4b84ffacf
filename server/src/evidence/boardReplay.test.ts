import { describe, expect, it } from 'vitest';
import { YjsRefusal } from '@conjecture/shared';
import { noteShape } from '../test/records.js';
import { roomHarness } from '../test/roomHarness.js';
import { replaySteps } from './boardReplay.js';

describe('the replay of a refused edit', () => {
  it('shows it as the step the server stored, then the server’s revert at the same moment', () => {
    const h = roomHarness();
    const [ana, mallory] = [h.join('ana'), h.join('mallory')];
    const anas = noteShape('shape:n', 'Ana: 3 pens for $2 is cheaper per pen');
    ana.records.set('shape:n', anas);
    mallory.deliver();
    h.tick(1_000);
    mallory.records.set('shape:n', {
      ...noteShape('shape:n', 'Ana: 3 pens for $2 is cheaper, or not'),
      x: 1e9,
    });
    mallory.deliver();
    expect(mallory.refusals).toEqual([YjsRefusal.notAccepted]);
    const steps = replaySteps(h.store, h.boardId).filter((s) => s.put.length + s.removed.length > 0);
    const [refused, revert] = steps.slice(-2);
    expect(refused).toMatchObject({ author: 'mallory', put: [{ id: 'shape:n', x: 1e9 }] });
    expect(revert).toMatchObject({ author: 'server', at: refused!.at, put: [anas] });
  });
});
