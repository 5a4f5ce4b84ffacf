import { defaultShapeUtils } from 'tldraw';
import { QuestionCardShapeUtil } from './QuestionCardShapeUtil.js';
import { TaskCardShapeUtil } from './TaskCardShapeUtil.js';
import { EquationShapeUtil } from './EquationShapeUtil.js';
import { TableShapeUtil } from './TableShapeUtil.js';
import { FractionBarShapeUtil } from './FractionBarShapeUtil.js';
import { NumberLineShapeUtil } from './NumberLineShapeUtil.js';
import { CoordinatePlaneShapeUtil } from './CoordinatePlaneShapeUtil.js';

/** Our shapes on top of tldraw's: passed to both the store and `<Tldraw>`, so they build one schema. */
export const customShapeUtils = [
  NumberLineShapeUtil,
  CoordinatePlaneShapeUtil,
  QuestionCardShapeUtil,
  TaskCardShapeUtil,
  EquationShapeUtil,
  TableShapeUtil,
  FractionBarShapeUtil,
];
export const boardShapeUtils = [...defaultShapeUtils, ...customShapeUtils];
