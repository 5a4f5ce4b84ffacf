import { describe, expect, it } from 'vitest';
import { renderEquation } from './equationRender.js';

describe('renderEquation', () => {
  it('renders valid LaTeX as KaTeX HTML', () => {
    const rendered = renderEquation('\\frac{3}{4}');
    expect(rendered.ok).toBe(true);
    expect(rendered.ok && rendered.html).toContain('class="mfrac"');
  });

  it("returns KaTeX's parse error as text for invalid LaTeX instead of throwing", () => {
    const rendered = renderEquation('\\frac{1}{');
    expect(rendered).toMatchObject({ ok: false });
    expect(!rendered.ok && rendered.error).toMatch(/^KaTeX parse error/);
  });

  it('refuses commands that need trust (links, images), so the HTML is safe to inject', () => {
    for (const latex of ['\\href{javascript:alert(1)}{x}', '\\includegraphics{http://example.com/x.png}']) {
      const rendered = renderEquation(latex);
      const html = rendered.ok ? rendered.html : '';
      expect(html).not.toMatch(/<a |<img |javascript:/);
    }
  });
});
