import { describe, expect, it } from 'vitest';
import {
  EQUATION_DEFAULT_PROPS,
  EQUATION_TYPE,
  MAX_EQUATION_FONT_PX,
  MAX_EQUATION_LATEX_CHARS,
  equationMigrationIds,
} from './equation.js';
import { MAX_SHAPE_SIDE_PX } from './boundedProps.js';
import { migrationRoundTrip, shapeError, shapeRecord } from './shapeRecordFixtures.js';

const valid = { ...EQUATION_DEFAULT_PROPS, latex: 'x^2 + \\sqrt{y} = \\frac{3}{4}' };

describe('equation props', () => {
  it('accepts the defaults and a real equation, including invalid LaTeX (shown as an error, not refused)', () => {
    expect(shapeError(EQUATION_TYPE, EQUATION_DEFAULT_PROPS)).toBeNull();
    expect(shapeError(EQUATION_TYPE, valid)).toBeNull();
    expect(shapeError(EQUATION_TYPE, { ...valid, latex: '\\frac{1}{' })).toBeNull();
    expect(shapeError(EQUATION_TYPE, { ...valid, latex: 'x'.repeat(MAX_EQUATION_LATEX_CHARS) })).toBeNull();
  });

  it.each([
    ['latex not a string', { latex: 42 }],
    ['latex too long', { latex: 'x'.repeat(MAX_EQUATION_LATEX_CHARS + 1) }],
    ['width zero', { w: 0 }],
    ['width negative', { w: -5 }],
    ['width not finite', { w: Infinity }],
    ['height NaN', { h: NaN }],
    ['height beyond the limit', { h: MAX_SHAPE_SIDE_PX + 1 }],
    ['font too large', { fontSize: MAX_EQUATION_FONT_PX + 1 }],
    ['font too small', { fontSize: 1 }],
    ['font a string', { fontSize: '32' }],
  ])('refuses %s', (_name, change) => {
    expect(shapeError(EQUATION_TYPE, { ...valid, ...change })).not.toBeNull();
  });

  it('refuses missing and unknown props', () => {
    const { latex: _latex, ...withoutLatex } = valid;
    expect(shapeError(EQUATION_TYPE, withoutLatex)).not.toBeNull();
    expect(shapeError(EQUATION_TYPE, { ...valid, script: 'alert(1)' })).not.toBeNull();
  });

  it('migrates a record up and down unchanged (the sequence is registered, with no migration yet)', () => {
    const record = shapeRecord(EQUATION_TYPE, valid);
    const { up, down, currentVersion } = migrationRoundTrip(`com.tldraw.shape.${EQUATION_TYPE}`, record);
    expect(currentVersion).toBe(Object.keys(equationMigrationIds).length);
    expect(up).toEqual(record);
    expect(down).toEqual(record);
  });
});
