import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const STOCK_ROOT = fileURLToPath(new URL('./stock/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
};

export interface StockPage {
  /** The baseline page for a board served by `serveRecords`: `<url>/?records=/records/<name>.json`. */
  urlFor(name: string): string;
  serveRecords(name: string, records: unknown[]): void;
  close(): Promise<void>;
}

/**
 * Builds the baseline page (stock tldraw, `stock/`) with Vite into a temporary directory — a production
 * build, like our client's — and serves it with the boards' records from a loopback port.
 */
export async function startStockPage(): Promise<StockPage> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conjecture-bench-stock-'));
  await build({
    root: STOCK_ROOT,
    logLevel: 'error',
    plugins: [react()],
    optimizeDeps: { exclude: ['@tldraw/assets'] },
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 5_000,
      minify: process.env.BENCH_STOCK_MINIFY !== '0',
    },
  });
  const records = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    const recordsMatch = /^\/records\/([\w-]+)\.json$/.exec(pathname);
    if (recordsMatch) {
      const body = records.get(recordsMatch[1] as string);
      res.writeHead(body ? 200 : 404, { 'content-type': TYPES['.json'] as string });
      res.end(body ?? '[]');
      return;
    }
    const file = path.join(outDir, pathname === '/' ? 'index.html' : path.normalize(pathname));
    if (!file.startsWith(outDir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const base = `http://127.0.0.1:${port}`;
  return {
    urlFor: (name) => `${base}/?records=/records/${name}.json`,
    serveRecords: (name, list) => records.set(name, JSON.stringify(list)),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(outDir, { recursive: true, force: true });
    },
  };
}
