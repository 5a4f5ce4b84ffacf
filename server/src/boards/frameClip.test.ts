import { describe, expect, it } from 'vitest';
import { arrowBinding, arrowShape, frameShape, geoShape, strokeShape } from '../test/records.js';
import { hidingFrame, placedOnPage } from './frameClip.js';

/** A board of records by id, read as the room reads its own. */
const board = (...records: Array<Record<string, unknown>>) => {
  const byId = new Map(records.map((r) => [r.id as string, r]));
  return (key: string) => byId.get(key);
};
/** The bindings naming each shape among these records, as the room's binding index answers. */
const bindingsIn =
  (...records: Array<Record<string, unknown>>) =>
  (shape: string) =>
    records
      .filter((r) => r.typeName === 'binding' && (r.fromId === shape || r.toId === shape))
      .map((r) => r.id as string);
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

  it('measures a stroke by its points', () => {
    const stroke = {
      ...strokeShape('shape:stroke', [
        { x: 0, y: 0 },
        { x: 3_000, y: 0 },
      ]),
      parentId: 'shape:frame',
      x: -2_900,
      y: 100,
    };
    expect(hidingFrame('shape:stroke', board(frameShape('shape:frame'), stroke))).toBeNull();
    const gone = { ...stroke, x: -3_100 };
    expect(hidingFrame('shape:stroke', board(frameShape('shape:frame'), gone))).toBe('shape:frame');
  });
});

describe('an arrow hidden by its frame', () => {
  const arrowAt = (x: number, props: Record<string, unknown> = {}) => {
    const arrow = arrowShape('shape:arrow');
    return { ...arrow, parentId: 'shape:frame', x, y: 0, props: { ...(arrow.props as object), ...props } };
  };

  it('is judged by its two points when it is bound to nothing', () => {
    expect(hidingFrame('shape:arrow', board(frameShape('shape:frame'), arrowAt(5_000)))).toBe('shape:frame');
    expect(hidingFrame('shape:arrow', board(frameShape('shape:frame'), arrowAt(100)))).toBeNull();
  });

  it('reaches as far as its bend', () => {
    const bent = arrowAt(500, { start: { x: 0, y: 0 }, end: { x: 0, y: 100 }, bend: 400 });
    expect(hidingFrame('shape:arrow', board(frameShape('shape:frame'), bent))).toBeNull();
  });

  /** The arrow in the frame, at `x` in it, its ends bound to the boxes `a` and `b` (and these records). */
  const boundBetween = (
    a: Record<string, unknown>,
    b: Record<string, unknown>,
    x = 100,
    ...more: Array<Record<string, unknown>>
  ) => {
    const records = [
      frameShape('shape:frame'),
      arrowAt(x),
      { ...a, id: 'shape:a' },
      { ...b, id: 'shape:b' },
      arrowBinding('binding:start', 'shape:arrow', 'shape:a', 'start'),
      arrowBinding('binding:end', 'shape:arrow', 'shape:b', 'end'),
      ...more,
    ];
    return [board(...records), bindingsIn(...records)] as const;
  };

  it('is drawn between the shapes it is bound to, whatever its record’s points say', () => {
    const far = boundBetween(geoShape('a', { x: 5_000 }), geoShape('b', { x: 6_000, y: 900 }));
    expect(hidingFrame('shape:arrow', ...far)).toBe('shape:frame');
    // One end at a box in the frame's sight: drawn from there, though its record's points lie far off.
    const oneIn = boundBetween(geoShape('a', { x: 5_000 }), geoShape('b', { x: 150, y: 100 }), 9_000);
    expect(hidingFrame('shape:arrow', ...oneIn)).toBeNull();
  });

  it('crosses the frame when it runs between boxes on either side of it', () => {
    const across = boundBetween(geoShape('a', { x: -600 }), geoShape('b', { x: 1_000 }));
    expect(hidingFrame('shape:arrow', ...across)).toBeNull();
  });

  it('reads where a bound shape is drawn, through the frame that holds it', () => {
    const other = frameShape('shape:other', { x: 5_000, y: 0 });
    const held = { parentId: 'shape:other', x: -5_000 + 150, y: 100 }; // at 150, 100 on the page
    const inSight = boundBetween(geoShape('a', held), geoShape('b', { x: 6_000 }), 100, other);
    expect(hidingFrame('shape:arrow', ...inSight)).toBeNull();
    const farHeld = { ...held, x: 0 }; // at 5,000, 100 on the page
    const hidden = boundBetween(geoShape('a', farHeld), geoShape('b', { x: 6_000 }), 100, other);
    expect(hidingFrame('shape:arrow', ...hidden)).toBe('shape:frame');
  });

  it('is in sight when bound to its own frame', () => {
    const [valueOf, bindingsOf] = boundBetween(geoShape('a', { x: 5_000 }), geoShape('b', { x: 6_000 }));
    const toFrame = arrowBinding('binding:start', 'shape:arrow', 'shape:frame', 'start');
    const read = (key: string) => (key === 'binding:start' ? toFrame : valueOf(key));
    expect(hidingFrame('shape:arrow', read, bindingsOf)).toBeNull();
  });

  it('is not judged when a shape it is bound to cannot be measured from records (a group)', () => {
    const group = { ...geoShape('b', { x: 6_000 }), type: 'group', props: {} };
    expect(hidingFrame('shape:arrow', ...boundBetween(geoShape('a', { x: 5_000 }), group))).toBeNull();
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
