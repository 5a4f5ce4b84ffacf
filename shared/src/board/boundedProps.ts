import { T } from '@tldraw/validate';
import type { Validator } from '@tldraw/validate';

/**
 * Validators with limits, for our shapes' props: clients write records, and the server validates them with
 * these, so every number is finite and bounded and every string and array has a maximum length.
 */

/** The largest side a representation shape may have, in page pixels. */
export const MAX_SHAPE_SIDE_PX = 10_000;

/** A box side: more than 0 (tldraw's positiveNumber lets 0 through), finite, at most MAX_SHAPE_SIDE_PX. */
export const shapeSide: Validator<number> = T.number.check('bounded', (value) => {
  if (value <= 0 || value > MAX_SHAPE_SIDE_PX)
    throw new T.ValidationError(`Expected more than 0 and at most ${MAX_SHAPE_SIDE_PX}, got ${value}`);
});

/** A number in [min, max] (T.number already refuses NaN and ±Infinity). */
export function boundedNumber(min: number, max: number): Validator<number> {
  return T.number.check('bounded', (value) => {
    if (value < min || value > max) throw new T.ValidationError(`Expected ${min}…${max}, got ${value}`);
  });
}

/** An integer in [min, max]. */
export function boundedInteger(min: number, max: number): Validator<number> {
  return T.integer.check('bounded', (value) => {
    if (value < min || value > max) throw new T.ValidationError(`Expected ${min}…${max}, got ${value}`);
  });
}

/** A string of at most maxChars UTF-16 units. */
export function boundedString(maxChars: number): Validator<string> {
  return T.string.check('bounded', (value) => {
    if (value.length > maxChars) {
      throw new T.ValidationError(`Expected at most ${maxChars} characters, got ${value.length}`);
    }
  });
}
