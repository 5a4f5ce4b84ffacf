import { createTLSchema, defaultBindingSchemas, defaultShapeSchemas } from '@tldraw/tlschema';
import type { CustomRecordInfo, SchemaPropsInfo } from '@tldraw/tlschema';
import { CRITIQUE_TYPE, critiqueMigrations, critiqueValidator } from './critique.js';
import { QUESTION_CARD_TYPE, questionCardMigrations, questionCardProps } from './questionCard.js';
import { TASK_CARD_TYPE, taskCardMigrations, taskCardProps } from './taskCard.js';
import { EQUATION_TYPE, equationMigrations, equationProps } from './equation.js';
import { TABLE_TYPE, tableMigrations, tableProps } from './table.js';
import { FRACTION_BAR_TYPE, fractionBarMigrations, fractionBarProps } from './fractionBar.js';
import { NUMBER_LINE_TYPE, numberLineMigrations, numberLineProps } from './numberLine.js';
import { COORDINATE_PLANE_TYPE, coordinatePlaneMigrations, coordinatePlaneProps } from './coordinatePlane.js';

/**
 * Conjecture's own shapes: props validators and migrations live here, once, so the client's ShapeUtils and
 * the server's record validation build the same schema from the same code.
 */
export const customShapeSchemas: Record<string, SchemaPropsInfo> = {
  [QUESTION_CARD_TYPE]: { props: questionCardProps, migrations: questionCardMigrations },
  [TASK_CARD_TYPE]: { props: taskCardProps, migrations: taskCardMigrations },
  [EQUATION_TYPE]: { props: equationProps, migrations: equationMigrations },
  [TABLE_TYPE]: { props: tableProps, migrations: tableMigrations },
  [FRACTION_BAR_TYPE]: { props: fractionBarProps, migrations: fractionBarMigrations },
  [NUMBER_LINE_TYPE]: { props: numberLineProps, migrations: numberLineMigrations },
  [COORDINATE_PLANE_TYPE]: { props: coordinatePlaneProps, migrations: coordinatePlaneMigrations },
};

/** Our own document records (not shapes): written by the server only. */
export const customRecordSchemas: Record<string, CustomRecordInfo> = {
  [CRITIQUE_TYPE]: { scope: 'document', validator: critiqueValidator, migrations: critiqueMigrations },
};

/** Record types clients may not write at all: the server changes them through its commands. */
export const SERVER_ONLY_RECORD_TYPES: ReadonlySet<string> = new Set([CRITIQUE_TYPE]);

/** The full record schema of a board: tldraw's shapes and bindings plus ours. */
export function createBoardSchema() {
  return createTLSchema({
    shapes: { ...defaultShapeSchemas, ...customShapeSchemas },
    bindings: defaultBindingSchemas,
    records: customRecordSchemas,
  });
}
