import { describe, expect, it } from 'vitest';
import { readableRichText, richTextError } from './richTextSchema.js';

const doc = (...content: unknown[]) => ({ type: 'doc', content });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });
const text = (t: unknown, marks?: unknown) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('a shape’s rich text, read as the editor reads it', () => {
  it('reads what the editor writes: paragraphs, lists, headings, marks, links, an empty label', () => {
    expect(richTextError(doc(paragraph(text('2 ÷ 3 = 0.67'))))).toBeNull();
    expect(richTextError(doc())).toBeNull();
    expect(richTextError(doc({ type: 'paragraph' }))).toBeNull();
    const marked = text('half', [
      { type: 'bold' },
      { type: 'highlight' },
      { type: 'link', attrs: { href: 'https://example.org' } },
    ]);
    const list = { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(marked)] }] };
    expect(
      richTextError(doc({ type: 'heading', attrs: { level: 2 }, content: [text('Claim')] }, list)),
    ).toBeNull();
    expect(richTextError(doc(paragraph(text('a'), { type: 'hardBreak' }, text('b'))))).toBeNull();
  });

  it('refuses a node or mark the editor does not know, and a text node with no text', () => {
    expect(richTextError(doc({ type: 'bogus' }))).toMatch(/Unknown node type/);
    expect(richTextError(doc(paragraph(text('x', [{ type: 'bogus' }]))))).toMatch(/no mark type bogus/i);
    expect(richTextError(doc(paragraph({ type: 'text' })))).toMatch(/Invalid text node/);
    expect(richTextError(doc(paragraph(text(''))))).toMatch(/Empty text nodes/);
    expect(richTextError(doc({ type: 'paragraph', content: 'x' }))).toMatch(/Invalid input/);
    expect(richTextError(doc({ type: 'blockquote', content: [paragraph(text('x'))] }))).toMatch(
      /Unknown node type/,
    );
    expect(richTextError(null)).not.toBeNull();
  });
});

describe('an unreadable rich text made readable', () => {
  it('keeps its words, a line per paragraph, in a document the editor reads', () => {
    const bad = doc(
      paragraph(text('First')),
      { type: 'bogus', content: [text('second')] },
      paragraph({ type: 'text' }),
    );
    const readable = readableRichText(bad);
    expect(richTextError(readable)).toBeNull();
    expect(readable).toEqual(doc(paragraph(text('First')), paragraph(text('second'))));
    expect(richTextError(readableRichText({ type: 'doc', content: 'x' }))).toBeNull();
  });
});
