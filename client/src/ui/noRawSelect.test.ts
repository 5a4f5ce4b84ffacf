import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.includes('.test.') ? [full] : [];
  });
}

describe('the pages’ controls', () => {
  it('choose from lists with our Select, never a bare <select> (browser-default arrow and focus ring)', () => {
    const bare = sourceFiles(SRC)
      .filter((file) => !file.startsWith(path.join(SRC, 'ui') + path.sep))
      .filter((file) => /<select[\s>]/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(bare).toEqual([]);
  });
});
