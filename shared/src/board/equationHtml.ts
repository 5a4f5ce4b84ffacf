/**
 * An equation's LaTeX as HTML close to KaTeX's look, for previews drawn without KaTeX (the projector, the
 * dashboard): fractions stacked over a bar, roots under a radical, powers and indices raised and lowered,
 * variables in italics, operators spaced and as their signs. A subset: unknown commands are dropped, never
 * passed through. Every character of the source is escaped. Pure.
 */

// A Map, not an object: a student's `\constructor` or `\toString` must not find Object's prototype.
const SYMBOLS = new Map<string, string>(
  Object.entries({
    cdot: '·',
    times: '×',
    div: '÷',
    pm: '±',
    le: '≤',
    leq: '≤',
    ge: '≥',
    geq: '≥',
    ne: '≠',
    neq: '≠',
    approx: '≈',
    pi: 'π',
    theta: 'θ',
    alpha: 'α',
    beta: 'β',
    infty: '∞',
    degree: '°',
    circ: '°',
    percent: '%',
    '%': '%',
    $: '$',
    '{': '{',
    '}': '}',
  }),
);
const SPACES = new Set([',', ';', ':', '!', 'quad', 'qquad', ' ']);
const IGNORED = new Set(['left', 'right', 'displaystyle', 'mathrm', 'text', 'mathit', 'operatorname']);
const OPERATORS = new Set(['=', '+', '-', '<', '>', '·', '×', '÷', '±', '≤', '≥', '≠', '≈']);
const MAX_DEPTH = 12;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

class Reader {
  at = 0;
  constructor(readonly source: string) {}
  get done() {
    return this.at >= this.source.length;
  }
  peek() {
    return this.source[this.at] ?? '';
  }
  next() {
    return this.source[this.at++] ?? '';
  }
}

function command(reader: Reader): string {
  const first = reader.next();
  if (!/[a-zA-Z]/.test(first)) return first;
  let name = first;
  while (/[a-zA-Z]/.test(reader.peek())) name += reader.next();
  return name;
}

/** One argument: a `{group}` or a single token. */
function argument(reader: Reader, depth: number): string {
  while (reader.peek() === ' ') reader.next();
  if (reader.peek() === '{') {
    reader.next();
    return sequence(reader, depth + 1, '}');
  }
  return sequence(new Reader(token(reader)), depth + 1, '');
}

function token(reader: Reader): string {
  const c = reader.next();
  return c === '\\' ? `\\${command(reader)}` : c;
}

function sequence(reader: Reader, depth: number, end: string): string {
  if (depth > MAX_DEPTH) {
    reader.at = reader.source.length;
    return '';
  }
  let out = '';
  while (!reader.done) {
    const c = reader.next();
    if (c === end) break;
    if (c === '{') out += sequence(reader, depth + 1, '}');
    else if (c === '^' || c === '_') {
      const raised = argument(reader, depth);
      out += `<span style="font-size:70%;vertical-align:${c === '^' ? '0.8em' : '-0.35em'}">${raised}</span>`;
    } else if (c === '\\') out += commandHtml(command(reader), reader, depth);
    else if (c === ' ') continue;
    else if (/[a-zA-Z]/.test(c)) out += `<i>${c}</i>`;
    else if (c === '*') out += op('·');
    else if (c === '-') out += op('−');
    else if (OPERATORS.has(c)) out += op(c);
    else out += escapeHtml(c);
  }
  return out;
}

const op = (sign: string) => `<span style="padding:0 0.22em">${escapeHtml(sign)}</span>`;

function commandHtml(name: string, reader: Reader, depth: number): string {
  if (name === 'frac' || name === 'dfrac' || name === 'tfrac') {
    const top = argument(reader, depth);
    const bottom = argument(reader, depth);
    return (
      '<span style="display:inline-flex;flex-direction:column;vertical-align:middle;text-align:center;margin:0 0.1em">' +
      `<span style="border-bottom:0.06em solid currentColor;padding:0 0.15em">${top}</span><span style="padding:0 0.15em">${bottom}</span></span>`
    );
  }
  if (name === 'sqrt')
    return `<span>√</span><span style="border-top:0.06em solid currentColor;padding:0 0.1em">${argument(reader, depth)}</span>`;
  if (IGNORED.has(name)) return '';
  if (SPACES.has(name)) return '<span style="padding:0 0.15em"></span>';
  const symbol = SYMBOLS.get(name);
  if (symbol === undefined) return '';
  return OPERATORS.has(symbol) ? op(symbol) : escapeHtml(symbol);
}

export function latexToHtml(latex: string): string {
  return sequence(new Reader(latex.slice(0, 2_000)), 0, '');
}
