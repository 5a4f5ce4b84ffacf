/**
 * The stored LaTeX of an equation, as readable as the student's own typing: MathLive writes a fraction of
 * two single digits compactly (`\frac23`), which KaTeX reads but a student editing the LaTeX source does
 * not recognise; it is stored with braces (`\frac{2}{3}`). Only digits and single letters are expanded, so
 * nothing else in the source changes.
 */
export function bracedFractions(latex: string): string {
  return latex.replace(/\\([dt]?frac)\s*([0-9a-zA-Z])\s*([0-9a-zA-Z])/g, '\\$1{$2}{$3}');
}
