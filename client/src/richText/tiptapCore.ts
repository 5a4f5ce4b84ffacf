/**
 * `@tiptap/core` as tldraw sees it in our build (see `../../cacheTiptapSchema.ts`): everything re-exported
 * unchanged except the three `generate*` helpers, which build a ProseMirror schema from the extensions on
 * every call. tldraw calls `generateHTML` to measure each text and note shape, so on a board of 5,000 shapes
 * the schema was built 5,000 times: 15 % of the load's main thread in a profile. Here a schema is built once
 * per extensions array (tldraw passes the same array every time) and HTML is serialized into one reused
 * inert document instead of a new one per call. Output is what tiptap's helpers return (the tests compare).
 */
import { elementFromString, getSchema, getText, getTextSerializersFromSchema } from '@tiptap/core';
import type { Extensions, JSONContent, TextSerializer } from '@tiptap/core';
import { DOMParser, DOMSerializer, Node, type Schema } from '@tiptap/pm/model';

export * from '@tiptap/core';

const schemas = new WeakMap<Extensions, Schema>();

/** The schema of these extensions, built on first use. Extensions arrays are treated as immutable. */
export function schemaOf(extensions: Extensions): Schema {
  let schema = schemas.get(extensions);
  if (!schema) {
    schema = getSchema(extensions);
    schemas.set(extensions, schema);
  }
  return schema;
}

/** An inert document (no scripts run, nothing loads) whose one element receives each serialization. */
let serializeInto: HTMLElement | undefined;

export function generateHTML(doc: JSONContent, extensions: Extensions): string {
  const schema = schemaOf(extensions);
  const fragment = DOMSerializer.fromSchema(schema).serializeFragment(Node.fromJSON(schema, doc).content);
  serializeInto ??= document.implementation.createHTMLDocument().createElement('div');
  serializeInto.replaceChildren(fragment);
  const html = serializeInto.innerHTML;
  serializeInto.replaceChildren();
  return html;
}

export function generateJSON(html: string, extensions: Extensions): Record<string, unknown> {
  return DOMParser.fromSchema(schemaOf(extensions)).parse(elementFromString(html)).toJSON() as Record<
    string,
    unknown
  >;
}

export function generateText(
  doc: JSONContent,
  extensions: Extensions,
  options?: { blockSeparator?: string; textSerializers?: Record<string, TextSerializer> },
): string {
  const { blockSeparator = '\n\n', textSerializers = {} } = options ?? {};
  const schema = schemaOf(extensions);
  return getText(Node.fromJSON(schema, doc), {
    blockSeparator,
    textSerializers: { ...getTextSerializersFromSchema(schema), ...textSerializers },
  });
}
