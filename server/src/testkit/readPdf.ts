/**
 * A PDF as a reader sees it: its page count and each page's text (Mozilla's pdf.js, as browsers read it).
 * pdf.js uses `Promise.withResolvers` (Node 22); on Node 20 it is supplied before pdf.js loads.
 */
export async function readPdf(bytes: Uint8Array): Promise<{ pages: number; text: string[] }> {
  const promise = Promise as { withResolvers?: unknown };
  promise.withResolvers ??= <T>() => {
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const p = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: p, resolve, reject };
  };
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const doc = await loading.promise;
  const text: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    text.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await loading.destroy();
  return { pages: doc.numPages, text };
}
