// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { tipTapDefaultExtensions } from 'tldraw';
import { richTextError } from '@conjecture/shared/board/richTextSchema';
import { generateHTML } from './tiptapCore.js';
import { codeIn, HOSTILE, HOSTILE_URLS } from '../test/hostileContent.js';

describe("a student's rich text in the editor (tldraw injects generateHTML's output)", () => {
  it('keeps hostile words as text and drops a link that would run code, for every text the server accepts', () => {
    const marks = HOSTILE_URLS.map((href) => ({
      type: 'link',
      attrs: { href, target: HOSTILE, rel: HOSTILE, class: HOSTILE },
    }));
    const doc = {
      type: 'doc',
      attrs: { dir: HOSTILE },
      content: [
        { type: 'paragraph', attrs: { dir: HOSTILE }, content: [{ type: 'text', text: HOSTILE }] },
        ...marks.map((mark) => ({
          type: 'paragraph',
          content: [{ type: 'text', text: 'see', marks: [mark] }],
        })),
        { type: 'heading', attrs: { level: HOSTILE }, content: [{ type: 'text', text: 'h' }] },
      ],
    };
    expect(richTextError(doc)).toBeNull(); // the server lets it through: the sink must hold
    const host = document.createElement('div');
    host.innerHTML = generateHTML(doc, tipTapDefaultExtensions);
    // Links are the rich text's own (a mark): where they lead is what matters, checked with the rest.
    expect(codeIn(host).filter((found) => found !== '<a>')).toEqual([]);
    for (const a of host.querySelectorAll('a'))
      expect(a.getAttribute('href') ?? '').toMatch(/^($|\/api\/assets\/)/);
    expect(host.textContent).toContain('<script>alert(2)</script>');
  });
});
