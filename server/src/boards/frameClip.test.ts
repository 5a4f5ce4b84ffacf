import { describe, expect, it } from 'vitest';
import { arrowShape, frameShape, geoShape, strokeShape } from '../test/records.js';
import { hidingFrame, placedOnPage } from './frameClip.js';

/** A board of records by id, read as the room reads its own. */
const board = (...records: Array<Record<string, unknown>>) => {
  const byId = new Map(records.map((r) => [r.id as string, r]));
  return (key: string) => byId.get(key);
};
/** The default frame is 400 × 300 at 0, 0; a geo shape is 100 × 80. */
const inFrame = (id: string, at: Record<string, unknown>, parentId = 'shape:frame') =>
  geoShape(id, { parentId, ...at });

describe('a shape hidden by the frames that hold it', () => {
  it('is one wholly outside its frame, however far; a shape inside, across its edge or just past it is not', () => {
    const valueOf = board(
      frameShape('shape:frame'),
      inFrame('shape:far', { x: 5_000, y: 0 }),
      inFrame('shape:above', { x: 0, y: -400 }),
      inFrame('shape:inside', { x: 100, y: 100 }),
      inFrame('shape:across', { x: 350, y: 250 }),
      inFrame('shape:justPast', { x: 410, y: 0 }),
      geoShape('shape:onPage', { x: 5_000, y: 0 }),
    );
    expect(hidingFrame('shape:far', valueOf)).toBe('shape:frame');
    expect(hidingFrame('shape:above', valueOf)).toBe('shape:frame');
    for (const key of ['shape:inside', 'shape:across', 'shape:justPast', 'shape:onPage'])
      expect(hidingFrame(key, valueOf)).toBeNull();
  });

  it('is one a frame shrunk away from', () => {
    const child = inFrame('shape:child', { x: 200, y: 150 });
    expect(hidingFrame('shape:child', board(frameShape('shape:frame'), child))).toBeNull();
    const shrunk = frameShape('shape:frame', { props: { w: 20, h: 20, name: '', color: 'black' } });
    expect(hidingFrame('shape:child', board(shrunk, child))).toBe('shape:frame');
  });

  it('is judged with its turn: a shape turned back into its frame is in sight', () => {
    const outside = inFrame('shape:child', { x: 450, y: 0 });
    const turned = inFrame('shape:child', { x: 450, y: 0, rotation: Math.PI / 2 });
    expect(hidingFrame('shape:child', board(frameShape('shape:frame'), outside))).toBe('shape:frame');
    expect(hidingFrame('shape:child', board(frameShape('shape:frame'), turned))).toBeNull();
  });

  it('is one inside an inner frame where the outer frame cuts that frame off', () => {
    const outer = frameShape('shape:outer');
    const inner = frameShape('shape:inner', { parentId: 'shape:outer', x: 300, y: 0 });
    const shown = inFrame('shape:shown', { x: 0, y: 0 }, 'shape:inner');
    const cutOff = inFrame('shape:cutOff', { x: 250, y: 0 }, 'shape:inner');
    const valueOf = board(outer, inner, shown, cutOff);
    expect(hidingFrame('shape:shown', valueOf)).toBeNull();
    expect(hidingFrame('shape:cutOff', valueOf)).toBe('shape:outer');
  });

  it('goes through groups (which clip nothing) to the frame around them', () => {
    const group = {
      ...geoShape('shape:group'),
      type: 'group',
      parentId: 'shape:frame',
      x: 5_000,
      y: 0,
      props: {},
    };
    const valueOf = board(
      frameShape('shape:frame'),
      group,
      inFrame('shape:member', { x: 0, y: 0 }, 'shape:group'),
    );
    expect(hidingFrame('shape:member', valueOf)).toBe('shape:frame');
    expect(hidingFrame('shape:group', valueOf)).toBeNull(); // its outline is its members'
  });

  it('measures a stroke by its points and leaves an arrow (bound to others) unjudged', () => {
    const stroke = {
      ...strokeShape('shape:stroke', [
        { x: 0, y: 0 },
        { x: 3_000, y: 0 },
      ]),
      parentId: 'shape:frame',
      x: -2_900,
      y: 100,
    };
    const arrow = { ...arrowShape('shape:arrow'), parentId: 'shape:frame', x: 9_000, y: 9_000 };
    const valueOf = board(frameShape('shape:frame'), stroke, arrow);
    expect(hidingFrame('shape:stroke', valueOf)).toBeNull();
    expect(hidingFrame('shape:arrow', valueOf)).toBeNull();
    const gone = { ...stroke, x: -3_100 };
    expect(hidingFrame('shape:stroke', board(frameShape('shape:frame'), gone))).toBe('shape:frame');
  });
});

describe('an arrow hidden by its frame', () => {
  const arrowAt = (x: number, props: Record<string, unknown> = {}) => {
    const arrow = arrowShape('shape:arrow');
    return { ...arrow, parentId: 'shape:frame', x, y: 0, props: { ...(arrow.props as object), ...props } };
  };
  const unbound = () => false;

  it('is judged by its two points when it is bound to nothing', () => {
    expect(hidingFrame('shape:arrow', board(frameShape('shape:frame'), arrowAt(5_000)), unbound)).toBe(
      'shape:frame',
    );
    expect(hidingFrame('shape:arrow', board(frameShape('shape:frame'), arrowAt(100)), unbound)).toBeNull();
  });

  it('reaches as far as its bend, and is not judged when bound (its ends are where its shapes are)', () => {
    const bent = arrowAt(500, { start: { x: 0, y: 0 }, end: { x: 0, y: 100 }, bend: 400 });
    expect(hidingFrame('shape:arrow', board(frameShape('shape:frame'), bent), unbound)).toBeNull();
    const far = board(frameShape('shape:frame'), arrowAt(5_000));
    expect(hidingFrame('shape:arrow', far, (key) => key === 'shape:arrow')).toBeNull();
  });
});

describe('a hidden shape placed on the page', () => {
  it('stays where it was and as it was turned, above the frame it came out of', () => {
    const frame = frameShape('shape:frame', { x: 100, y: 50, rotation: Math.PI / 2, index: 'a5' });
    const child = inFrame('shape:child', { x: 10, y: 0, rotation: Math.PI });
    const placed = placedOnPage('shape:child', board(frame, child)) as Record<string, number | string>;
    expect(placed).toMatchObject({ parentId: 'page:page', props: child.props });
    expect(placed.x).toBeCloseTo(100);
    expect(placed.y).toBeCloseTo(60);
    expect(placed.rotation).toBeCloseTo((3 * Math.PI) / 2);
    expect(String(placed.index) > 'a5').toBe(true);
  });
});
