import 'tldraw/tldraw.css';
import { createRoot } from 'react-dom/client';
import { Tldraw, createTLStore, loadSnapshot, type Editor, type TLRecord } from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';

/**
 * The benchmark's baseline: stock tldraw, no sync and none of our layers, loading the same board's records
 * (fetched as JSON from the bench, `?records=<url>`) with `loadSnapshot`, then mounting the editor on them.
 */
declare global {
  interface Window {
    __stockEditor?: Editor;
  }
}

const assetUrls = getAssetUrlsByImport();

async function main(): Promise<void> {
  const url = new URLSearchParams(window.location.search).get('records');
  if (!url) throw new Error('?records=<url> is missing');
  const records = (await (await fetch(url)).json()) as TLRecord[];
  const store = createTLStore();
  loadSnapshot(store, {
    document: {
      store: Object.fromEntries(records.map((r) => [r.id, r])),
      schema: store.schema.serialize(),
    },
  });
  createRoot(document.getElementById('root') as HTMLElement).render(
    <Tldraw store={store} assetUrls={assetUrls} onMount={(editor) => void (window.__stockEditor = editor)} />,
  );
}

void main();
