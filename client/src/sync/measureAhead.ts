import {
  TextManager,
  getDisplayValues,
  renderHtmlFromRichTextForMeasurement,
  type Editor,
  type TLStore,
  type TLRecord,
  type TLShape,
  type TextShapeUtil,
  type TLTextShape,
} from 'tldraw';

type MeasureOptions = Parameters<Editor['textMeasure']['measureHtml']>[1];
type Measured = ReturnType<Editor['textMeasure']['measureHtml']>;
interface Request {
  html: string;
  opts: MeasureOptions;
}

/** One measurement's key: the same html under the same options measures the same (options in any order). */
export function measurementKey(html: string, opts: MeasureOptions): string {
  return `${html}\u0000${JSON.stringify(opts, Object.keys(opts).sort())}`;
}

const NOT_MEASURED: Measured = { x: 0, y: 0, w: 0, h: 0, scrollWidth: 0 };

/**
 * Runs `put` (a load batch going into the store) with the batch's text measured ahead in one layout. tldraw
 * measures each label as it needs it, each measurement a forced style and layout of its own (~0.3 ms: a
 * 5,000-shape board's load spends over a second in 4,300 of them); here the measurements tldraw is about
 * to ask for are collected first, measured together with tldraw's own `measureHtmlBatch` (all written, then
 * all read), and handed back when asked. The answers are keyed by the exact html and options, so a request
 * guessed wrong, or not at all, is only measured as usual: this can make a batch faster, never different.
 *
 * The requests are those of tldraw's text shapes (`getTextSize`), geo labels and note labels, read from the
 * same helpers tldraw uses (the geo and note utils' own measuring methods, run on a copy of the record with
 * measuring recorded rather than done).
 */
export function measureAhead(editor: Editor, records: readonly TLRecord[], put: () => void): void {
  const restore = answerFromOneBatch(editor, records);
  try {
    put();
  } finally {
    restore();
  }
}

/**
 * Measures what `records` will ask for in one batch and has the editor's measurer answer from it until the
 * returned restore is called (what it did not foresee is measured as usual).
 */
function answerFromOneBatch(editor: Editor, records: readonly TLRecord[]): () => void {
  const measurer = editor.textMeasure;
  const requests = collectRequests(editor, records);
  if (requests.length === 0) return () => {};
  const sizes = measurer.measureHtmlBatch(requests);
  const ahead = new Map<string, Measured>();
  requests.forEach((r, i) => ahead.set(measurementKey(r.html, r.opts), sizes[i] as Measured));
  const usual = measurer.measureHtml;
  measurer.measureHtml = (html, opts) =>
    ahead.get(measurementKey(html, opts)) ?? usual.call(measurer, html, opts);
  return () => {
    measurer.measureHtml = usual;
  };
}

const storesToMeasureAhead = new WeakSet<TLStore>();
let measurerWrapped = false;

/**
 * Has the first editor made on `store` measure the text of every record already in it in one layout, as
 * `measureAhead` does for a batch. tldraw's editor computes every shape's geometry in its constructor (to
 * index the page for hit-testing), measuring each label on its own: ~95 ms of a 200-shape board's load at
 * 1×. No hook runs between the editor making its text measurer and those measurements, so the measurer's
 * class is wrapped, once, to notice an editor on a registered store measuring for the first time. The batch's
 * answers serve only the task that measured first (the constructor's): a font that loads after that would
 * measure differently, and tldraw measures anew then.
 */
export function measureStoreAheadOnFirstUse(store: TLStore): void {
  storesToMeasureAhead.add(store);
  if (measurerWrapped) return;
  measurerWrapped = true;
  const usual = TextManager.prototype.measureHtml;
  TextManager.prototype.measureHtml = function measureHtml(this: TextManager, html, opts) {
    const { editor } = this as unknown as { editor: Editor };
    if (!storesToMeasureAhead.delete(editor.store)) return usual.call(this, html, opts);
    setTimeout(answerFromOneBatch(editor, editor.store.allRecords()), 0);
    return this.measureHtml(html, opts);
  };
}

type LabelMeasuring = Record<string, ((shape: TLShape) => unknown) | undefined>;
/** The geo and note utils' methods that measure a label (tldraw's, private in its types). */
const LABEL_MEASURE: Record<string, string> = {
  geo: 'measureUnscaledLabelSize',
  note: 'measureNoteLabelSize',
};

function collectRequests(editor: Editor, records: readonly TLRecord[]): Request[] {
  const requests: Request[] = [];
  const measurer = editor.textMeasure;
  const usual = measurer.measureHtml;
  measurer.measureHtml = (html, opts) => {
    requests.push({ html, opts });
    return NOT_MEASURED;
  };
  try {
    for (const record of records) {
      if (record.typeName !== 'shape') continue;
      try {
        if (record.type === 'text') requests.push(textRequest(editor, record as TLTextShape));
        const method = LABEL_MEASURE[record.type];
        if (!method || !editor.hasShapeUtil(record.type)) continue;
        const util = editor.getShapeUtil(record.type) as unknown as LabelMeasuring;
        // A copy: the utils cache label sizes by record, and this one's answers are not real.
        util[method]?.call(util, { ...record, props: { ...record.props } } as TLShape);
      } catch {
        // A shape the helpers cannot read ahead is measured as usual when tldraw asks.
      }
    }
  } finally {
    measurer.measureHtml = usual;
  }
  return requests;
}

/** What tldraw's text shape asks to measure (its `getTextSize`). */
function textRequest(editor: Editor, shape: TLTextShape): Request {
  const dv = getDisplayValues(editor.getShapeUtil('text') as TextShapeUtil, shape);
  const { richText, w, autoSize } = shape.props;
  return {
    html: renderHtmlFromRichTextForMeasurement(editor, richText),
    opts: {
      lineHeight: dv.lineHeight,
      fontWeight: dv.fontWeight,
      fontStyle: dv.fontStyle,
      padding: '0px',
      fontFamily: dv.fontFamily,
      fontSize: dv.fontSize,
      maxWidth: autoSize ? null : Math.max(16, Math.floor(w)),
    },
  };
}
