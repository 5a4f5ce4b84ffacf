import { describe, expect, it } from 'vitest';
import { getSchema } from '@tiptap/core';
import { tipTapDefaultExtensions } from 'tldraw';
import { BOARD_RICH_TEXT_SCHEMA } from '@conjecture/shared/board/richTextSchema';

/** The server refuses rich text its copy of the editor's schema cannot read: the copy must be the schema. */
describe('the rich text schema the server checks against', () => {
  const editors = getSchema(tipTapDefaultExtensions);
  const shape = (schema: typeof editors) => ({
    nodes: Object.fromEntries(
      Object.entries(schema.nodes).map(([name, type]) => [
        name,
        { content: type.spec.content ?? '', attrs: Object.keys(type.spec.attrs ?? {}).sort() },
      ]),
    ),
    marks: Object.fromEntries(
      Object.entries(schema.marks).map(([name, type]) => [name, Object.keys(type.spec.attrs ?? {}).sort()]),
    ),
  });

  it('is the one tldraw’s editor reads labels with (the app sets no other)', () => {
    expect(shape(BOARD_RICH_TEXT_SCHEMA)).toEqual(shape(editors));
  });
});
