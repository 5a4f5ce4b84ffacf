import { describe, expect, it } from 'vitest';
import { frameShape, geoShape, imageShape, noteShape, strokeShape } from '../test/records.js';
import {
  MIN_CROP_SHARE,
  MIN_NOTE_FONT_ADJUSTMENT,
  MIN_SHAPE_OPACITY,
  MIN_SHAPE_SCALE,
} from '@conjecture/shared/board/index';
import { inSight, outOfSightRefusal } from './outOfSight.js';

const withProps = (shape: Record<string, unknown>, props: Record<string, unknown>) => ({
  ...shape,
  props: { ...(shape.props as object), ...props },
});
const made = (after: unknown) => outOfSightRefusal('shape:s', undefined, after);

describe('a shape taken out of sight without being deleted', () => {
  it('is refused faded past tldraw’s faintest opacity', () => {
    expect(made(geoShape('shape:s', { opacity: 0 }))).toMatch(/opacity 0 is fainter/);
    expect(made(geoShape('shape:s', { opacity: 0.05 }))).toMatch(/fainter/);
    expect(made(geoShape('shape:s', { opacity: MIN_SHAPE_OPACITY }))).toBeNull();
  });

  it('is refused shrunk: a scale, a box’s side, or a note’s words far below what tldraw makes', () => {
    const geo = geoShape('shape:s');
    expect(made(withProps(geo, { scale: 1e-9 }))).toMatch(/props\.scale/);
    expect(made(withProps(geo, { w: 1e-9 }))).toMatch(/props\.w/);
    expect(made(withProps(frameShape('shape:s'), { h: 0.5 }))).toMatch(/props\.h/);
    const note = noteShape('shape:s', 'Half of 8 is 4');
    expect(made(withProps(note, { fontSizeAdjustment: 1e-9 }))).toMatch(/fontSizeAdjustment/);
    expect(made(withProps(note, { scale: 1e-300 }))).toMatch(/props\.scale/);
  });

  it('is refused when a stroke is resized below a pixel: a drawing shrunk to nothing', () => {
    const tick = [
      { x: 0, y: 0 },
      { x: 100, y: 40 },
      { x: 200, y: 0 },
    ];
    expect(made(strokeShape('shape:s', tick, { scaleX: 1e-9, scaleY: 1e-9 }))).toMatch(/props\.scale[XY]/);
    expect(made(strokeShape('shape:s', tick, { scaleX: 0.004, scaleY: 1e-9 }))).toMatch(/props\.scale[XY]/);
    expect(made(strokeShape('shape:s', tick, { scaleX: 0.01, scaleY: 0.01 }))).toBeNull(); // 2 px across
    expect(made(strokeShape('shape:s', tick, { scaleX: -1, scaleY: 1 }))).toBeNull(); // flipped
    expect(made(strokeShape('shape:s', [{ x: 5, y: 5 }], { scaleX: 1e-9, scaleY: 1e-9 }))).toBeNull(); // a dot
  });

  it('is refused cropped to nothing of its picture: a crop box inverted, empty, beyond the picture or a speck of it', () => {
    const crops = [
      { topLeft: { x: 1, y: 1 }, bottomRight: { x: 0, y: 0 } },
      { topLeft: { x: 0.5, y: 0.5 }, bottomRight: { x: 0.5, y: 0.5 } },
      { topLeft: { x: -1e5, y: -1e5 }, bottomRight: { x: 1e5, y: 1e5 } },
      { topLeft: { x: 2, y: 0 }, bottomRight: { x: 3, y: 1 } },
      { topLeft: { x: 0, y: 0 }, bottomRight: { x: 1e-9, y: 1 } },
    ];
    for (const crop of crops) expect(made(imageShape('shape:s', crop))).toMatch(/props\.crop/);
  });

  it('lets through what tldraw itself writes', () => {
    for (const crop of [
      null,
      { topLeft: { x: 0, y: 0 }, bottomRight: { x: 1, y: 1 } },
      { topLeft: { x: 0.25, y: 0.1 }, bottomRight: { x: 0.75, y: 0.6 }, isCircle: true },
      { topLeft: { x: 0.5, y: 0.5 }, bottomRight: { x: 0.5 + MIN_CROP_SHARE, y: 0.5 + MIN_CROP_SHARE } },
      { topLeft: { x: -1e-12, y: 0 }, bottomRight: { x: 1 + 1e-12, y: 1 } }, // a float's noise at the edges
    ])
      expect(made(imageShape('shape:s', crop))).toBeNull();
    expect(made(withProps(geoShape('shape:s'), { scale: 0.125, w: 1, h: 1 }))).toBeNull();
    const note = noteShape('shape:s', 'Half of 8 is 4');
    for (const fontSizeAdjustment of [null, 1, 14 / 32, MIN_NOTE_FONT_ADJUSTMENT])
      expect(made(withProps(note, { fontSizeAdjustment }))).toBeNull();
    expect(made(withProps(geoShape('shape:s'), { scale: MIN_SHAPE_SCALE }))).toBeNull();
    const text = { ...geoShape('shape:s'), type: 'text', props: { w: 0.5, scale: 1 } };
    expect(made(text)).toBeNull(); // a text measures its own width
  });

  it('counts only what the write changes: a shape stored out of sight before can still be moved', () => {
    const hidden = geoShape('shape:s', { opacity: 0.01 });
    expect(outOfSightRefusal('shape:s', hidden, { ...hidden, x: 500 })).toBeNull();
    expect(outOfSightRefusal('shape:s', hidden, { ...hidden, opacity: 0.02 })).toMatch(/opacity/);
    expect(outOfSightRefusal('shape:s', hidden, { ...hidden, opacity: 1 })).toBeNull();
  });
});

describe('a stored shape put back in sight', () => {
  it('has each value past a bound raised to it and nothing else changed', () => {
    const faded = withProps(geoShape('shape:s', { opacity: 0.01 }), { scale: 1e-9, w: 0.5 });
    expect(inSight(faded)).toEqual(
      withProps(geoShape('shape:s', { opacity: MIN_SHAPE_OPACITY }), { scale: MIN_SHAPE_SCALE, w: 1 }),
    );
    const note = withProps(noteShape('shape:s', 'Half of 8 is 4'), { fontSizeAdjustment: 0 });
    expect(inSight(note)).toEqual(withProps(note, { fontSizeAdjustment: 1 }));
    const text = { ...geoShape('shape:s'), type: 'text', props: { w: 0.5, scale: 1 } };
    expect(inSight(text)).toEqual(text);
    const line = [
      { x: 0, y: 0 },
      { x: 200, y: 0 },
    ];
    const shrunk = strokeShape('shape:s', line, { scaleX: -1e-9, scaleY: 1e-9 });
    expect(inSight(shrunk)).toEqual(strokeShape('shape:s', line, { scaleX: 1, scaleY: 1 }));
    for (const shape of [geoShape('shape:s'), noteShape('shape:s', 'x'), imageShape('shape:s')])
      expect(inSight(shape)).toEqual(shape);
  });
});
