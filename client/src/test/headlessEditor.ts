import {
  Editor,
  defaultAddFontsFromNode,
  defaultBindingUtils,
  defaultShapeUtils,
  tipTapDefaultExtensions,
  type TLStateNodeConstructor,
  type TLStore,
} from 'tldraw';

/**
 * A tldraw editor on `store` in a detached-from-layout container (happy-dom), with tldraw's default shapes
 * and, when given, tools (tldraw's `defaultTools` and `defaultShapeTools` to drive it as a user would).
 */
export function headlessEditor(store: TLStore, tools: readonly TLStateNodeConstructor[] = []): Editor {
  const container = document.createElement('div');
  document.body.appendChild(container);
  return new Editor({
    store,
    shapeUtils: defaultShapeUtils,
    bindingUtils: defaultBindingUtils,
    tools,
    getContainer: () => container,
    options: {
      text: {
        addFontsFromNode: defaultAddFontsFromNode,
        tipTapConfig: { extensions: tipTapDefaultExtensions },
      },
    },
  });
}

/** A text size that follows the html and the font size, for measuring where happy-dom lays nothing out. */
export const sizeFromLength = (html: string, opts: { fontSize: number }) => ({
  x: 0,
  y: 0,
  w: html.length * 3 + opts.fontSize,
  h: opts.fontSize * 2,
  scrollWidth: html.length * 3 + opts.fontSize,
});
