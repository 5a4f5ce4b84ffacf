import { useMemo } from 'react';
import katex from 'katex';
// Bundled by Vite with its fonts, so the browser fetches them from our own server.
import 'katex/dist/katex.min.css';

/**
 * LaTeX rendered with KaTeX. Invalid LaTeX shows KaTeX's error inline (throwOnError: false) instead of
 * breaking the page; KaTeX's output is safe markup: with `trust` off, `\href`, `\url`, `\includegraphics` and
 * `\html*` render as errors, never as links or attributes (the tests feed it those).
 */
export function Latex({ source, display = false }: { source: string; display?: boolean }) {
  const html = useMemo(
    () =>
      katex.renderToString(source, {
        throwOnError: false,
        displayMode: display,
        output: 'html',
        strict: 'ignore',
        trust: false,
      }),
    [source, display],
  );
  return <span className="latex" dangerouslySetInnerHTML={{ __html: html }} />;
}
