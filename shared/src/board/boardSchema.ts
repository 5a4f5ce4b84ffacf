import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas } from '@tldraw/tlschema';
import type { SchemaPropsInfo } from '@tldraw/tlschema';
import { QUESTION_CARD_TYPE, questionCardMigrations, questionCardProps } from './questionCard.js';

/**
 * Conjecture's own shapes: props validators and migrations live here, once, so the client's ShapeUtils and
 * the server's record validation build the same schema from the same code.
 */
export const customShapeSchemas: Record<string, SchemaPropsInfo> = {
  [QUESTION_CARD_TYPE]: { props: questionCardProps, migrations: questionCardMigrations },
};

/** The full record schema of a board: tldraw's shapes and bindings plus ours. */
export function createBoardSchema() {
  return createTLSchema({
    shapes: { ...defaultShapeSchemas, ...customShapeSchemas },
    bindings: defaultBindingSchemas,
  });
}
