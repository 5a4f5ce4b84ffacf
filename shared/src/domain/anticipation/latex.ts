/**
 * LaTeX as the equation shape holds it, turned into plain text the matcher reads: fractions as a/b, operators
 * as symbols, \text{…} as its words, a repeating decimal written out. Not a LaTeX parser: good enough for
 * what students type into the equation tool, and safe on anything (bounded, no recursion).
 */
const MAX_LATEX_CHARS = 2000;
const MAX_PASSES = 8;

const SYMBOLS: Array<[RegExp, string]> = [
  [/\\div\b/g, '÷'],
  [/\\times\b|\\cdot\b/g, '×'],
  [/\\approx\b|\\simeq\b/g, '≈'],
  [/\\le(q)?\b/g, '≤'],
  [/\\ge(q)?\b/g, '≥'],
  [/\\lt\b/g, '<'],
  [/\\gt\b/g, '>'],
  [/\\neq?\b/g, '≠'],
  [/\\to\b|\\rightarrow\b/g, '→'],
  [/\\%/g, '%'],
  [/\\\$/g, '$'],
  [/\\[,;:! ]/g, ' '],
  [/\\left|\\right/g, ''],
];

export function latexToPlain(latex: string): string {
  let s = latex.slice(0, MAX_LATEX_CHARS);
  for (const [pattern, replacement] of SYMBOLS) s = s.replace(pattern, replacement);
  // A repeating decimal: 0.\overline{6} → 0.6666666 (read as 2/3 within any sensible tolerance).
  s = s.replace(/\\overline\{(\d{1,6})\}/g, (_m, d: string) =>
    d.repeat(Math.ceil(12 / d.length)).slice(0, 12),
  );
  s = s.replace(/\\(?:text|mathrm|textbf|mbox)\{([^{}]*)\}/g, ' $1 ');
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const before = s;
    // A mixed number: 1\tfrac{2}{3} → 1+2/3.
    s = s.replace(/(\d)\s*\\[dt]?frac/g, '$1+\\frac');
    s = s.replace(/\\[dt]?frac\{([^{}]*)\}\{([^{}]*)\}/g, (_m, a: string, b: string) =>
      /^[\w.]+$/.test(a.trim()) && /^[\w.]+$/.test(b.trim()) ? `${a.trim()}/${b.trim()}` : `(${a})/(${b})`,
    );
    if (s === before) break;
  }
  return s
    .replace(/\\[a-zA-Z]+/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
