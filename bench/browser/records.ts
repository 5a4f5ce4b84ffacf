import { shapeRecord } from '@conjecture/shared/board/shapeRecordFixtures';
import { geoShape, noteShape } from '../../server/src/test/records.js';

const TEXTS = [
  'At Store A one pen costs $2 ÷ 3 = $0.67',
  'I think B is better because you get more pens',
  'For $1 at Store B you get 5 ÷ 3 = 1.67 pens',
  'I agree with Sam',
  'If we buy 15 pens, A costs $10 and B costs $9',
];

const richText = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The i-th of 238,328 ascending fractional index keys: `c` and three base-62 digits (an integer key). */
function indexKey(i: number): string {
  let digits = '';
  for (let n = i, k = 0; k < 3; k++, n = Math.floor(n / 62)) digits = BASE62[n % 62] + digits;
  return `c${digits}`;
}

/**
 * A board's worth of shapes as students make them: a third each rectangles (some labelled), texts and sticky
 * notes, on a grid of 20 columns, in tldraw's record format (the board schema accepts every one; the server
 * reverts invalid records). Fractional indices in order, so the stacking is stable.
 */
export function boardShapes(count: number): Array<Record<string, unknown>> {
  const shapes: Array<Record<string, unknown>> = [];
  for (let i = 0; i < count; i++) {
    const id = `shape:b${i}`;
    const x = (i % 20) * 220;
    const y = Math.floor(i / 20) * 180;
    const index = indexKey(i);
    const text = `${TEXTS[i % TEXTS.length]} (${i})`;
    switch (i % 3) {
      case 0: {
        const geo = geoShape(id, { x, y, index });
        if (i % 2 === 0) (geo.props as Record<string, unknown>).richText = richText(`Step ${i}`);
        shapes.push(geo);
        break;
      }
      case 1:
        shapes.push({
          ...shapeRecord(
            'text',
            {
              color: 'black',
              size: 'm',
              font: 'draw',
              textAlign: 'start',
              w: 200,
              richText: richText(text),
              scale: 1,
              autoSize: true,
            },
            id,
          ),
          x,
          y,
          index,
        });
        break;
      default:
        shapes.push(noteShape(id, text, { x, y, index }));
    }
  }
  return shapes;
}
