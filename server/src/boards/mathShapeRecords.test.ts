import { describe, expect, it } from 'vitest';
import { EQUATION_DEFAULT_PROPS, MAX_EQUATION_LATEX_CHARS } from '@conjecture/shared/board/index';
import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import { roundTrip } from '../test/roundTrip.js';
import { connectClient, createBoard, startTestServer, synced, waitFor } from '../test/testServer.js';

/** An equation record as the client writes one (the shared fixture adds tldraw's base shape fields). */
const equation = (id: string, props: Record<string, unknown>) =>
  shapeRecord('equation', { ...EQUATION_DEFAULT_PROPS, ...props }, id);

describe('math shapes on a board', () => {
  it('relays a valid equation a stock client writes, and reverts an invalid one', async () => {
    const server = await startTestServer();
    const boardId = await createBoard(server);
    const writer = connectClient(server, boardId, { user: 'ana' });
    const witness = connectClient(server, boardId, { user: 'wendy' });
    await Promise.all([synced(writer), synced(witness)]);

    writer.records.set('shape:eq', equation('shape:eq', { latex: '\\frac{3}{4}' }));
    await waitFor(() => witness.records.get('shape:eq'), 'the equation to reach the other client');
    expect(witness.records.get('shape:eq')).toMatchObject({
      type: 'equation',
      props: { latex: '\\frac{3}{4}' },
    });

    // Too long a source: the server puts the last valid version back, for the writer and everyone else.
    writer.records.set('shape:eq', equation('shape:eq', { latex: 'x'.repeat(MAX_EQUATION_LATEX_CHARS + 1) }));
    // A new record with a width that is not a number: removed.
    writer.records.set('shape:bad', equation('shape:bad', { w: 'wide' }));
    await waitFor(
      () =>
        (writer.records.get('shape:eq')?.props as { latex?: string } | undefined)?.latex === '\\frac{3}{4}' &&
        !writer.records.has('shape:bad'),
      'both writes to be reverted',
    );
    await roundTrip(witness);
    expect(witness.records.get('shape:eq')).toMatchObject({ props: { latex: '\\frac{3}{4}' } });
    expect(witness.records.has('shape:bad')).toBe(false);
  });
});
