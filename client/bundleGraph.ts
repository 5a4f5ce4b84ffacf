import type { Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

/** The chunk and every chunk it imports statically, transitively: what its dynamic import will load. */
export function staticChunks(bundle: OutputBundle, chunk: OutputChunk): string[] {
  const seen = new Set<string>([chunk.fileName]);
  const queue = [chunk];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const file of next.imports) {
      const imported = bundle[file];
      if (seen.has(file) || imported?.type !== 'chunk') continue;
      seen.add(file);
      queue.push(imported);
    }
  }
  return [...seen];
}

/** The first bundle: every entry chunk and the chunks they import statically, which a page evaluates first. */
export function firstBundle(bundle: OutputBundle): Set<string> {
  return new Set(
    Object.values(bundle).flatMap((file) =>
      file.type === 'chunk' && file.isEntry ? staticChunks(bundle, file) : [],
    ),
  );
}
