// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Latex } from './Latex.js';
import { renderEquation } from '../shapes/equationRender.js';
import { codeIn, HOSTILE } from '../test/hostileContent.js';

/** LaTeX a student (an equation) or a teacher's diagnostic could hold to reach past KaTeX's markup. */
const HOSTILE_LATEX = [
  '\\href{javascript:alert(1)}{x}',
  '\\url{javascript:alert(1)}',
  '\\includegraphics{javascript:alert(1)}',
  '\\htmlData{onclick=alert(1)}{x}',
  '\\htmlId{x" onclick="alert(1)}{x}',
  '\\htmlClass{x" onclick="alert(1)}{x}',
  '\\htmlStyle{background:url(javascript:alert(1))}{x}',
  '\\textcolor{red" onmouseover="alert(1)}{x}',
  '\\color{red" onmouseover="alert(1)} x',
  '\\text{' + HOSTILE + '}',
  HOSTILE,
  '\\frac{\\href{data:text/html,<script>alert(1)</script>}{a}}{2',
];

const dom = (html: string) => {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host;
};

describe('KaTeX over hostile LaTeX', () => {
  it.each(HOSTILE_LATEX)('the equation shape draws %s without a link, handler or script', (latex) => {
    const rendered = renderEquation(latex);
    // The shape shows the error as React text; only KaTeX's own HTML is injected.
    if (rendered.ok) expect(codeIn(dom(rendered.html))).toEqual([]);
  });

  it.each(HOSTILE_LATEX)('a diagnostic item draws %s without a link, handler or script', (latex) => {
    const host = dom(renderToStaticMarkup(<Latex source={latex} display />));
    expect(codeIn(host)).toEqual([]);
    expect(host.querySelector('[href], [data-onclick], [id], [style*="url("]')).toBeNull();
  });
});
