import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * What every page evaluates before its first render: the static import graph from `main.tsx` (type-only
 * imports and `import()` left out, as the bundler leaves them). The heavy libraries belong behind a lazy
 * import, loaded with the first board or formula, so that a class page asks who the student is and opens
 * the board's connection while they load: tldraw alone is 1.5 MB of script to compile.
 */
const SRC = path.dirname(fileURLToPath(import.meta.url));
const HEAVY = ['tldraw', '@tldraw/', 'katex', 'mathlive'];

function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const typeOnly =
        clause?.isTypeOnly ||
        (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings)
          ? clause.namedBindings.elements.every((element) => element.isTypeOnly)
          : false);
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** What a module of ours re-exports from another of ours (`export … from './x.js'`, types left out). */
function localReExports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  return source.statements
    .filter(ts.isExportDeclaration)
    .filter((statement) => !statement.isTypeOnly && statement.moduleSpecifier)
    .map((statement) => (statement.moduleSpecifier as ts.StringLiteral).text)
    .filter((specifier) => specifier.startsWith('.'));
}

function resolveLocal(from: string, specifier: string): string | null {
  const base = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '');
  return (
    ['.ts', '.tsx', '/index.ts', '/index.tsx'].map((ext) => base + ext).find((f) => fs.existsSync(f)) ?? null
  );
}

/** Every package the first bundle imports, with the chain of our files that brings it in; and our files in it. */
function firstBundle(entry: string): { packages: Map<string, string[]>; files: Set<string> } {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const packages = new Map<string, string[]>();
  const queue = [entry];
  for (let file = queue.shift(); file; file = queue.shift()) {
    const chain = chains.get(file) ?? [];
    for (const specifier of staticImports(file)) {
      if (!specifier.startsWith('.')) {
        if (!packages.has(specifier)) packages.set(specifier, chain);
        continue;
      }
      const next = resolveLocal(file, specifier);
      if (next && !chains.has(next)) {
        chains.set(next, [...chain, next]);
        queue.push(next);
      }
    }
  }
  return { packages, files: new Set(chains.keys()) };
}

const packagesOfFirstBundle = (entry: string) => firstBundle(entry).packages;

describe('the first bundle', () => {
  it('leaves tldraw, KaTeX and MathLive to lazy chunks', () => {
    const heavy = [...packagesOfFirstBundle(path.join(SRC, 'main.tsx'))]
      .filter(([name]) => HEAVY.some((h) => name === h || name.startsWith(h)))
      .map(([name, chain]) => `${name} via ${chain.map((f) => path.relative(SRC, f)).join(' → ')}`);
    expect(heavy).toEqual([]);
  });

  it('leaves the teacher’s dashboard, the projector and the coach’s page to their own chunks', () => {
    const files = [...firstBundle(path.join(SRC, 'main.tsx')).files].map((f) => path.relative(SRC, f));
    expect(files.filter((f) => /pages\/(TeacherPage|ProjectorPage|CoachPage)\.tsx$/.test(f))).toEqual([]);
    expect(files).toContain(path.join('pages', 'StudentClassPage.tsx'));
  });

  // The bundler places a module by whether the entry reaches it, not by whether the entry uses it: a barrel
  // (a module re-exporting others) in the first bundle brought every component it named there, the replay's
  // slider and the dashboard's tabs and tables too (21 kB of the first bundle's 671 kB).
  it('reaches no module of ours through a barrel: only what its pages import', () => {
    const files = [...firstBundle(path.join(SRC, 'main.tsx')).files];
    const barrels = files
      .filter((f) => localReExports(f).length > 0)
      .map((f) => `${path.relative(SRC, f)} re-exports ${localReExports(f).join(', ')}`);
    expect(barrels).toEqual([]);
    const relative = files.map((f) => path.relative(SRC, f));
    for (const teacherOnly of ['Slider.tsx', 'Tabs.tsx', 'Table.tsx'])
      expect(relative).not.toContain(path.join('ui', teacherOnly));
  });

  it('sees through to the packages (the check would pass vacuously otherwise)', () => {
    const packages = packagesOfFirstBundle(path.join(SRC, 'main.tsx'));
    expect(packages.has('react-dom/client')).toBe(true);
    expect(packagesOfFirstBundle(path.join(SRC, 'components', 'BoardEditor.tsx')).has('tldraw')).toBe(true);
  });
});
