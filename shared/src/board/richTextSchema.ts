import { extensions, getSchema } from '@tiptap/core';
import { Highlight } from '@tiptap/extension-highlight';
import { Node, type Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import { richTextToPlain } from './plainText.js';

/**
 * The document schema tldraw's editor reads a shape's rich text with: its default TipTap extensions
 * (`getTipTapDefaultExtensions` in tldraw 5.4 — StarterKit without blockquotes, code blocks and rules, with
 * links; highlight; text direction), which the app does not change. Keyboard-only extensions are left out:
 * they add nothing to the schema. The client's tests hold this to tldraw's own list, so an upgrade that
 * changes it fails there.
 */
export const BOARD_RICH_TEXT_SCHEMA: Schema = getSchema([
  StarterKit.configure({
    blockquote: false,
    codeBlock: false,
    horizontalRule: false,
    link: { openOnClick: false, autolink: true },
  }),
  Highlight,
  extensions.TextDirection.configure({ direction: 'auto' }),
]);

/**
 * Why a rich text cannot be read as a document of the board's schema, or null. tldraw's validators take any
 * `{type, content: unknown[]}`, and its editor reads the text as a document when it lays out a shape's
 * label: one node or mark it does not know (or a text node with no text) threw there, and every classmate's
 * editor showed "Something went wrong" — again after a reload. Structure is not checked beyond that: the
 * editor draws what it can read.
 */
export function richTextError(richText: unknown): string | null {
  try {
    Node.fromJSON(BOARD_RICH_TEXT_SCHEMA, richText);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The words of an unreadable rich text as a plain document the editor reads: a board stored before such
 * text was refused keeps what can be read of it (a line per paragraph) rather than losing the shape.
 */
export function readableRichText(richText: unknown): { type: 'doc'; content: unknown[] } {
  const lines = richTextToPlain(richText).split('\n');
  return {
    type: 'doc',
    content: lines.map((line) =>
      line.length > 0
        ? { type: 'paragraph', content: [{ type: 'text', text: line }] }
        : { type: 'paragraph' },
    ),
  };
}
