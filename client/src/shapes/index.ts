import { defaultShapeUtils } from 'tldraw';
import { QuestionCardShapeUtil } from './QuestionCardShapeUtil.js';
import { TaskCardShapeUtil } from './TaskCardShapeUtil.js';
import { EquationShapeUtil } from './EquationShapeUtil.js';
import { TableShapeUtil } from './TableShapeUtil.js';
import { FractionBarShapeUtil } from './FractionBarShapeUtil.js';
import { NumberLineShapeUtil } from './NumberLineShapeUtil.js';
import { CoordinatePlaneShapeUtil } from './CoordinatePlaneShapeUtil.js';
import { patternFillShapeUtils } from './patternFill/patternFillShapeUtils.js';

/**
 * Our shapes on top of tldraw's, and tldraw's pattern-filled shapes with our idle-drawn tiles in place of its
 * own: passed to both the store and `<Tldraw>` (which lets a util replace its default of the same type), so
 * they build one schema.
 */
export const customShapeUtils = [
  ...patternFillShapeUtils,
  NumberLineShapeUtil,
  CoordinatePlaneShapeUtil,
  QuestionCardShapeUtil,
  TaskCardShapeUtil,
  EquationShapeUtil,
  TableShapeUtil,
  FractionBarShapeUtil,
];
const replaced = new Set(customShapeUtils.map((util) => util.type));
export const boardShapeUtils = [
  ...defaultShapeUtils.filter((util) => !replaced.has(util.type)),
  ...customShapeUtils,
];
