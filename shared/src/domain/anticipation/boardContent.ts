import { representationType, type RepresentationType } from '../../board/representationType.js';
import { recordText } from '../../board/plainText.js';
import { compileExpression } from '../math/compile.js';
import { latexToPlain } from './latex.js';

/** A number as the board shows it ("0.67", "2/3", "67 cents") and its value. */
export interface BoardNumber {
  value: number;
  raw: string;
}

/** What the matcher reads from one board item. */
export interface BoardItem {
  shapeId: string;
  /** The shape's type ("note", "table", "coordinate-plane"…). */
  kind: string;
  representation: RepresentationType | null;
  /** "note", "table", "graph"… for evidence strings. */
  label: string;
  /** Words for phrase look-fors: normalized (see `normalizeWords`). */
  words: string;
  /** Expressions for expression look-fors: normalized (see `normalizeExpression`), one per line or cell. */
  expressions: string[];
  numbers: BoardNumber[];
  /** Carries numbers or math content (a note that only says "I agree" does not). */
  substantive: boolean;
}

const LABELS: Record<string, string> = {
  note: 'note',
  text: 'text',
  geo: 'box',
  table: 'table',
  equation: 'equation',
  'number-line': 'number line',
  'coordinate-plane': 'graph',
  'fraction-bar': 'fraction bar',
  'area-model': 'area model',
  draw: 'drawing',
  arrow: 'arrow',
};

/** Records the server writes (question cards, critique pins): not the group's work. */
const NOT_WORK = new Set(['question-card', 'critique', 'frame', 'group']);
const MAX_NUMBERS_PER_ITEM = 200;

/** Lower case, words and numbers only, a plural "s" dropped: "Pens per Dollar!" → "pen per dollar". */
export function normalizeWords(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[’']/g, '')
      .replace(/[^a-z0-9.$%<>=]+/g, ' ')
      .split(' ')
      // A full stop ends a sentence, not a word ("A cheaper." is "a cheaper"); "0.67" keeps its point.
      .map((w) => w.replace(/\.+$/, ''))
      .filter(Boolean)
      .map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
      .join(' ')
  );
}

/** "2 ÷ 3", "(2/3)x", "$2 < $3" → "2/3", "2/3x", "2<3": spacing, brackets and currency do not matter. */
export function normalizeExpression(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[÷:]/g, '/')
      .replace(/[×·✕]/g, '*')
      .replace(/[−–—]/g, '-')
      .replace(/\bdivided by\b/g, '/')
      .replace(/\btimes\b/g, '*')
      .replace(/\bminus\b/g, '-')
      // Units between a number and an operator: "2 dollars < 3 dollars" compares 2 and 3.
      .replace(/(\d)\s*(?:dollars?|pens?|cents?|cups?)\b/g, '$1')
      .replace(/[\s$()[\]{}]/g, '')
  );
}

const CENTS = /(\d+(?:\.\d+)?)\s*(?:cents?\b|¢|c\b)/gi;
// A fraction a/b, a decimal (".67" too) or an integer; a number inside a word (a2) is not one.
const NUMBER = /(?<![\w.])(\d+(?:\.\d+)?|\.\d+)(?:\s*\/\s*(\d+(?:\.\d+)?))?/g;

/** The numbers a text shows: decimals, integers, fractions (as a/b and as both parts), cents as dollars. */
export function numbersIn(text: string): BoardNumber[] {
  const out: BoardNumber[] = [];
  for (const m of text.matchAll(CENTS)) out.push({ value: Number(m[1]) / 100, raw: m[0].trim() });
  for (const m of text.replace(/(\d),(\d{3})/g, '$1$2').matchAll(NUMBER)) {
    const a = Number(m[1]);
    if (m[2] !== undefined) {
      const b = Number(m[2]);
      if (b !== 0) out.push({ value: a / b, raw: `${m[1]}/${m[2]}` });
      out.push({ value: a, raw: m[1] as string }, { value: b, raw: m[2] });
    } else {
      out.push({ value: a, raw: m[1] as string });
    }
    if (out.length >= MAX_NUMBERS_PER_ITEM) break;
  }
  return out;
}

const CALCULATION = /\(?\d*\.?\d+\)?(?:\s*[-+*/÷×]\s*\(?\d*\.?\d+\)?)+/g;

/** The value of a plain expression without variables ("2/3", "3 ÷ 5"), or null. */
function evaluate(expression: string): number | null {
  const text = expression.replace(/÷/g, '/').replace(/[×·]/g, '*').replace(/[$%]/g, '').trim();
  if (!text || /[a-z]/i.test(text) || !/\d/.test(text)) return null;
  const compiled = compileExpression(text);
  if (!compiled.ok) return null;
  const value = compiled.value.evaluate(0);
  return Number.isFinite(value) ? value : null;
}

function fromText(text: string): Pick<BoardItem, 'words' | 'expressions' | 'numbers'> {
  const lines = text.split(/\n/);
  const numbers = numbersIn(text);
  // Each calculation written out adds its value ("$2 ÷ 3 = $0.67" adds 0.666…).
  for (const m of text.replace(/\$/g, '').matchAll(CALCULATION)) {
    const value = evaluate(m[0]);
    if (value !== null && !numbers.some((n) => Math.abs(n.value - value) < 1e-9))
      numbers.push({ value, raw: m[0].trim() });
  }
  return { words: normalizeWords(text), expressions: lines.map(normalizeExpression), numbers };
}

type Props = Record<string, unknown>;
const list = (v: unknown): Props[] => (Array.isArray(v) ? (v as Props[]) : []);

function mathContent(type: string, props: Props): { text: string; extra: BoardNumber[] } | null {
  switch (type) {
    case 'table': {
      const rows = Array.isArray(props.cells) ? (props.cells as unknown[][]) : [];
      return { text: rows.map((r) => r.map(String).join(' | ')).join('\n'), extra: [] };
    }
    case 'equation':
      return { text: latexToPlain(String(props.latex ?? '')), extra: [] };
    case 'number-line': {
      const points = list(props.points);
      return {
        text: points.map((p) => String(p.label ?? '')).join('\n'),
        extra: points.map((p) => ({ value: Number(p.value), raw: String(p.value) })),
      };
    }
    case 'coordinate-plane': {
      const points = list(props.points);
      const fns = list(props.functions)
        .map((f) => latexToPlain(String(f.text ?? '')))
        .filter(Boolean)
        .map((f) => (/^\s*y\s*=/.test(f) ? f : `y = ${f}`));
      return {
        // Function texts are read as expressions only: "2/3x" is a slope, not the number 2/3 on the board.
        text: [...points.map((p) => String(p.label ?? '')), ...fns].join('\n'),
        extra: points.flatMap((p) => [
          { value: Number(p.x), raw: String(p.x) },
          { value: Number(p.y), raw: String(p.y) },
        ]),
      };
    }
    case 'fraction-bar': {
      const part = (props.partition ?? {}) as Props;
      const parts = Number(part.rows ?? 1) * Number(part.columns ?? 1);
      const shaded = Array.isArray(part.shaded) ? part.shaded.length : 0;
      return parts > 0 ? { text: '', extra: [{ value: shaded / parts, raw: `${shaded}/${parts}` }] } : null;
    }
    default:
      return null;
  }
}

/** The board's items the matcher reads, in the records' order. Tolerates any record (clients write them). */
export function boardItems(records: Iterable<unknown>): BoardItem[] {
  const items: BoardItem[] = [];
  for (const record of records) {
    if (record === null || typeof record !== 'object') continue;
    const r = record as { typeName?: unknown; type?: unknown; id?: unknown; props?: unknown };
    if (r.typeName !== 'shape' || typeof r.type !== 'string' || typeof r.id !== 'string') continue;
    if (NOT_WORK.has(r.type) || r.id.startsWith('shape:question-')) continue;
    const props = (r.props && typeof r.props === 'object' ? r.props : {}) as Props;
    const kind = r.type === 'fraction-bar' && props.model === 'area' ? 'area-model' : r.type;
    const math = mathContent(r.type, props);
    const text = math ? math.text : (recordText(record) ?? '');
    const content = fromText(text);
    // A function's text is not a list of numbers (see mathContent).
    const numbers =
      r.type === 'coordinate-plane' ? [] : content.numbers.filter((n) => Number.isFinite(n.value));
    if (math) numbers.push(...math.extra.filter((n) => Number.isFinite(n.value)));
    const substantive = numbers.length > 0 || (math !== null && text.trim().length > 0);
    items.push({
      shapeId: r.id,
      kind,
      representation: representationType(record)?.type ?? null,
      label: LABELS[kind] ?? kind.replace(/-/g, ' '),
      ...content,
      numbers,
      substantive,
    });
  }
  return items;
}
