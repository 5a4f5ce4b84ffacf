import type { ThumbnailRecord } from '../thumbnails/boardThumbnail.js';

/**
 * Test helpers: what a hostile student writes into every string of her board's records, and a check that a
 * DOM built from them holds nothing that runs code. The teacher's dashboard, the projector and the board's
 * preview parse markup built from those records (`innerHTML`): one unescaped quote and her handler would run
 * with the teacher's session.
 */

/** Breaks out of text, of a double- or single-quoted attribute, of a foreignObject and of a CDATA section. */
export const HOSTILE =
  `"'><img src=x onerror="alert(1)"><script>alert(2)</script>` +
  `</foreignObject><svg onload=alert(3)><a href="javascript:alert(4)">x</a>&lt;]]>`;

/** URLs that run code (or a page) if they reach an href or a src. */
export const HOSTILE_URLS = [
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload="alert(1)"/>',
  `/api/assets/x" onerror="alert(1)`,
];

const URL_ATTRIBUTES = new Set(['href', 'xlink:href', 'src', 'action', 'formaction', 'data']);
/** Elements that run code or load a document, wherever they appear in a drawing. */
const CODE_ELEMENTS = new Set(['script', 'iframe', 'object', 'embed', 'a', 'use', 'animate', 'set', 'style']);
/** What a drawing's foreignObject may hold: the text blocks' boxes and an equation's spans. */
const HTML_IN_DRAWING = new Set(['div', 'span', 'i']);

/**
 * Everything in `root` that could run code, as readable strings (empty when the DOM is inert): a script or
 * frame-like element, an `on*` handler, a `javascript:`/`data:` URL in an href or src (the drawings' images
 * are stored assets or inline rasters only), HTML other than text boxes inside a foreignObject.
 */
export function codeIn(root: ParentNode): string[] {
  const found: string[] = [];
  for (const element of root.querySelectorAll('*')) {
    const name = element.localName.toLowerCase();
    if (CODE_ELEMENTS.has(name)) found.push(`<${name}>`);
    for (const attribute of element.attributes) {
      const attr = attribute.name.toLowerCase();
      // eslint-disable-next-line no-control-regex -- browsers drop these before reading a scheme
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
      if (attr.startsWith('on')) found.push(`${name}[${attr}]`);
      if (
        URL_ATTRIBUTES.has(attr) &&
        /^(javascript|vbscript|data:(?!image\/(png|jpeg|gif|webp);))/.test(value)
      )
        found.push(`${name}[${attr}=${attribute.value}]`);
    }
    if (name === 'foreignobject')
      for (const inside of element.querySelectorAll('*'))
        if (!HTML_IN_DRAWING.has(inside.localName.toLowerCase()))
          found.push(`<${inside.localName}> in a foreignObject`);
  }
  return found;
}

const doc = (text: string) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});
let index = 0;
const shape = (id: string, type: string, props: Record<string, unknown>, x = 0): ThumbnailRecord => ({
  id,
  typeName: 'shape',
  type,
  parentId: 'page:page',
  index: `a${(index += 1)}`,
  x,
  y: 0,
  rotation: 0,
  props,
});

/**
 * A board where every string a student writes is hostile, and every style a validator would refuse is too
 * (a board stored before a check, or a check that lets a string through): the drawing reads props
 * defensively, so none of them may reach markup unescaped.
 */
export function hostileBoard(x = 0): ThumbnailRecord[] {
  const styles = {
    color: 'constructor',
    labelColor: 'toString',
    fill: HOSTILE,
    font: HOSTILE,
    size: '__proto__',
    dash: HOSTILE,
    align: HOSTILE,
    verticalAlign: 'constructor',
    textAlign: HOSTILE,
    geo: HOSTILE,
    url: 'javascript:alert(1)',
  };
  const images = HOSTILE_URLS.flatMap((src, i) => [
    { id: `asset:${i}`, typeName: 'asset', type: 'image', props: { src } },
    shape(`shape:image${i}`, 'image', { assetId: `asset:${i}`, w: 50, h: 50 }, x + i * 60),
  ]);
  return [
    shape('shape:geo', 'geo', { ...styles, w: 100, h: 80, richText: doc(HOSTILE) }, x),
    shape('shape:note', 'note', { ...styles, richText: doc(HOSTILE) }, x),
    shape('shape:text', 'text', { ...styles, richText: doc(HOSTILE) }, x),
    shape(
      'shape:arrow',
      'arrow',
      { ...styles, start: { x: 0, y: 0 }, end: { x: 90, y: 0 }, richText: doc(HOSTILE) },
      x,
    ),
    shape('shape:frame', 'frame', { ...styles, w: 300, h: 200, name: HOSTILE }, x),
    shape('shape:task', 'task-card', { text: HOSTILE }, x),
    shape('shape:question', 'question-card', { text: HOSTILE }, x),
    shape(
      'shape:equation',
      'equation',
      { latex: `\\constructor\\toString${HOSTILE}\\frac{${HOSTILE}}{\\text{${HOSTILE}}}` },
      x,
    ),
    shape(
      'shape:table',
      'table',
      {
        w: 200,
        h: 80,
        cells: [
          [HOSTILE, HOSTILE],
          [HOSTILE, 'constructor'],
        ],
      },
      x,
    ),
    shape(
      'shape:line',
      'number-line',
      { w: 300, h: 60, axis: { min: 0, max: 1, step: 0.5 }, points: [{ value: 0.5, label: HOSTILE }] },
      x,
    ),
    shape(
      'shape:plane',
      'coordinate-plane',
      { w: 300, h: 300, points: [{ x: 1, y: 1, label: HOSTILE }], functions: [{ text: HOSTILE }] },
      x,
    ),
    shape(
      'shape:bar',
      'fraction-bar',
      { w: 300, h: 60, showLabel: true, partition: { rows: 1, columns: 2, shaded: [HOSTILE] } },
      x,
    ),
    shape(`shape:${HOSTILE}`, HOSTILE, { ...styles, text: HOSTILE }, x),
    ...images,
    {
      id: 'critique:t',
      typeName: 'critique',
      shapeId: 'shape:geo',
      createdBy: HOSTILE,
      createdAt: 1,
      resolved: null,
      replies: [{ id: 'r', authorId: HOSTILE, stance: HOSTILE, text: HOSTILE, createdAt: 1 }],
    } as unknown as ThumbnailRecord,
  ];
}
