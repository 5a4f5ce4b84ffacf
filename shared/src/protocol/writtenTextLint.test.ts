import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of the free-text rule for this code, as if it were written at `file`. */
async function freeTextErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the lint rule that sends free text through writtenText() bites', () => {
  it('refuses a bare trimmed string in a schema of shared/', async () => {
    for (const file of ['shared/src/protocol/x.ts', 'shared/src/domain/discussion/x.ts'])
      expect(
        await freeTextErrors(file, "import { z } from 'zod';\nexport const X = z.string().trim().max(9);\n"),
        file,
      ).toEqual([expect.stringMatching(/writtenText/)]);
  });

  it('lets writtenText() and strings that are not free text (ids, trimmed values) be', async () => {
    const code =
      "import { z } from 'zod';\nimport { writtenText } from './readableText.js';\n" +
      'export const A = writtenText().max(9);\nexport const B = z.string().max(64);\nexport const c = (s: string) => s.trim();\n';
    expect(await freeTextErrors('shared/src/protocol/x.ts', code)).toEqual([]);
  });
});
