import { defaultShapeUtils } from 'tldraw';
import { QuestionCardShapeUtil } from './QuestionCardShapeUtil.js';

/** Our shapes on top of tldraw's: passed to both the store and `<Tldraw>`, so they build one schema. */
export const customShapeUtils = [QuestionCardShapeUtil];
export const boardShapeUtils = [...defaultShapeUtils, ...customShapeUtils];
