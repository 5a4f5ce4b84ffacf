// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import * as tiptap from '@tiptap/core';
import { tipTapDefaultExtensions } from 'tldraw';
import { TIPTAP_CORE_SHIM, resolveTiptapCore } from '../../cacheTiptapSchema.js';
import { generateHTML, generateJSON, generateText, schemaOf } from './tiptapCore.js';

const paragraph = (...content: tiptap.JSONContent[]) => ({ type: 'paragraph', content });
const text = (value: string, marks?: tiptap.JSONContent['marks']) => ({ type: 'text', text: value, marks });

/** Rich texts as tldraw's shapes hold them: plain, empty lines, marks, lists, a link, characters to escape. */
const samples: tiptap.JSONContent[] = [
  { type: 'doc', content: [paragraph(text('Slope is rise over run'))] },
  { type: 'doc', content: [{ type: 'paragraph' }] },
  { type: 'doc', content: [paragraph(text('a')), { type: 'paragraph' }, paragraph(text('b'))] },
  {
    type: 'doc',
    content: [
      paragraph(
        text('2/3 ', [{ type: 'bold' }]),
        text('is ', [{ type: 'italic' }]),
        text('x < y & z', [{ type: 'code' }]),
        text(' see', [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }]),
        text(' this', [{ type: 'highlight' }]),
      ),
    ],
  },
  {
    type: 'doc',
    content: [
      {
        type: 'bulletList',
        content: [
          { type: 'listItem', content: [paragraph(text('one'))] },
          { type: 'listItem', content: [paragraph(text('two'))] },
        ],
      },
      { type: 'orderedList', content: [{ type: 'listItem', content: [paragraph(text('first'))] }] },
    ],
  },
];

describe("our @tiptap/core's generate helpers", () => {
  it.each(samples.map((doc, i) => [i, doc] as const))('give what tiptap gives for sample %i', (_, doc) => {
    expect(generateHTML(doc, tipTapDefaultExtensions)).toBe(
      tiptap.generateHTML(doc, tipTapDefaultExtensions),
    );
    expect(generateText(doc, tipTapDefaultExtensions, { blockSeparator: '\n' })).toBe(
      tiptap.generateText(doc, tipTapDefaultExtensions, { blockSeparator: '\n' }),
    );
    const html = tiptap.generateHTML(doc, tipTapDefaultExtensions);
    expect(generateJSON(html, tipTapDefaultExtensions)).toEqual(
      tiptap.generateJSON(html, tipTapDefaultExtensions),
    );
  });

  it('build a schema once per extensions array, not once per call', () => {
    const first = schemaOf(tipTapDefaultExtensions);
    generateHTML(samples[0]!, tipTapDefaultExtensions);
    expect(schemaOf(tipTapDefaultExtensions)).toBe(first);
    expect(schemaOf([...tipTapDefaultExtensions])).not.toBe(first);
  });

  it('leave nothing behind between calls (each result stands alone)', () => {
    const a = generateHTML(samples[0]!, tipTapDefaultExtensions);
    generateHTML(samples[3]!, tipTapDefaultExtensions);
    expect(generateHTML(samples[0]!, tipTapDefaultExtensions)).toBe(a);
  });
});

describe('the build plugin', () => {
  it("gives tldraw's import of @tiptap/core our module, and our module tiptap's own", () => {
    expect(
      resolveTiptapCore('@tiptap/core', '/x/node_modules/tldraw/dist-esm/lib/utils/text/richText.mjs'),
    ).toBe(TIPTAP_CORE_SHIM);
    expect(resolveTiptapCore('@tiptap/core', TIPTAP_CORE_SHIM)).toBeNull();
    expect(resolveTiptapCore('@tiptap/pm/model', '/x/node_modules/tldraw/index.mjs')).toBeNull();
  });
});
