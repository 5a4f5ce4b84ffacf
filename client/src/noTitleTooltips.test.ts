import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The messages of the title rule for this code, as if it were written at `file`. */
async function titleErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('the lint rule against the browser’s title bubble bites', () => {
  it('refuses `title` on an element of the page: hover text is our Tooltip', async () => {
    for (const element of ['button', 'span', 'div']) {
      expect(
        await titleErrors(
          'client/src/components/X.tsx',
          `export const X = () => <${element} title="Why" />;\n`,
        ),
        element,
      ).toEqual([expect.stringMatching(/Tooltip/)]);
    }
  });

  it('lets a component take a prop named title, and an iframe keep the title that names it', async () => {
    expect(
      await titleErrors(
        'client/src/components/X.tsx',
        'const Dialog = (p: { title: string }) => p.title;\nexport const X = () => <Dialog title="Delete?" />;\n',
      ),
    ).toEqual([]);
    expect(
      await titleErrors(
        'client/src/components/X.tsx',
        'export const X = () => <iframe title="Preview" />;\n',
      ),
    ).toEqual([]);
  });
});
