import { describe, expect, it } from 'vitest';
import { latexToHtml } from './equationHtml.js';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('latexToHtml', () => {
  it('stacks a fraction over a bar and sets variables in italics', () => {
    const html = latexToHtml('y=\\frac{2}{3}x');
    expect(html).toContain('flex-direction:column');
    expect(html).toContain('border-bottom');
    expect(html).toContain('<i>y</i>');
    expect(text(html)).toBe('y=23x');
  });

  it('raises powers, writes operators as their signs and drops commands it does not know', () => {
    const html = latexToHtml('x^{2} \\cdot 3 \\le \\unknown{4}');
    expect(text(html)).toBe('x2·3≤4');
    expect(html).toContain('vertical-align:0.8em');
  });

  it('escapes what a student typed, so markup in the source stays text', () => {
    const html = latexToHtml('<img src=x onerror=alert(1)>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;');
  });

  it('drops a command named like an object’s own property instead of throwing (the whole board’s drawing threw)', () => {
    expect(text(latexToHtml('x\\constructor\\toString\\hasOwnProperty=1'))).toBe('x=1');
  });

  it('stops at a nesting depth instead of recursing without end', () => {
    expect(() => latexToHtml('{'.repeat(5000))).not.toThrow();
    expect(() => latexToHtml('\\frac'.repeat(3000))).not.toThrow();
  });
});
