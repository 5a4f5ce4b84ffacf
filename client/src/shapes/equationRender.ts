import katex from 'katex';

export type RenderedEquation = { ok: true; html: string } | { ok: false; error: string };

/**
 * An equation's LaTeX as KaTeX HTML, or KaTeX's parse error as text: the shape shows the message inline
 * (KaTeX's own `throwOnError: false` puts it only in a hover title, which touch screens never show).
 * `trust` stays off, so `\href`, `\includegraphics` and the like are refused and the HTML is safe to inject.
 */
export function renderEquation(latex: string): RenderedEquation {
  try {
    const html = katex.renderToString(latex, {
      throwOnError: true,
      displayMode: true,
      output: 'html',
      strict: 'ignore',
      trust: false,
      maxSize: 50,
      maxExpand: 200,
    });
    return { ok: true, html };
  } catch (err) {
    if (err instanceof katex.ParseError) return { ok: false, error: err.message };
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}
