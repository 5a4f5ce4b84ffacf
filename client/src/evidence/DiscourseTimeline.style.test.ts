import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_TEXT_RATIO, contrastRatio } from '@conjecture/shared';

const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const tokens = readFileSync(new URL('../ui/tokens.css', import.meta.url), 'utf8');

/**
 * A colour as the cascade gives it: the declaration of the first of `selectors` (most specific first) that
 * has one, its `var(--token)` resolved to the token's hex.
 */
function declared(selectors: string[], property: string): string {
  const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].filter((m) => selectors.includes(m[1]!.trim()));
  rules.sort((a, b) => selectors.indexOf(a[1]!.trim()) - selectors.indexOf(b[1]!.trim()));
  const value = rules
    .map((m) => new RegExp(`(?:^|;|\\s)${property}:\\s*([^;]+);`).exec(m[2]!)?.[1])
    .find(Boolean);
  const token = /^var\(--([\w-]+)\)$/.exec(value?.trim() ?? '')?.[1];
  const hex = token && new RegExp(`--${token}:\\s*(#[0-9a-fA-F]{3,6})\\s*;`).exec(tokens)?.[1];
  if (!hex) throw new Error(`no token colour for ${property} of ${selectors[0]}`);
  return hex;
}

// In the highlighted entry the move label ("Asking", "Reasoning") was the highlight's own blue on the same
// pale blue: the chip vanished into the highlight.
describe("the highlighted timeline entry's move label", () => {
  const highlighted = '.discourse-timeline button[aria-current]';
  const chip = [`${highlighted} .discourse-timeline__move`, '.discourse-timeline__move'];

  it('stands out from the highlight by at least 4.5:1, and its text from the chip', () => {
    const highlight = declared([highlighted], 'background');
    const fill = declared(chip, 'background');
    expect(contrastRatio(fill, highlight)).toBeGreaterThanOrEqual(AA_TEXT_RATIO);
    expect(contrastRatio(declared(chip, 'color'), fill)).toBeGreaterThanOrEqual(AA_TEXT_RATIO);
  });
});

// The question type is a badge in the dashboard's info tone — the highlight's own pale blue, as the move label
// was — and a long type ("Encouraging reflection and justification") ran out of the talk's narrow column.
describe("the timeline's question type", () => {
  const highlighted = '.discourse-timeline button[aria-current]';
  const badge = [`${highlighted} .discourse-timeline__type`];

  it('stands out from the highlight by at least 4.5:1, and its text from the badge', () => {
    const fill = declared(badge, 'background');
    expect(contrastRatio(fill, declared([highlighted], 'background'))).toBeGreaterThanOrEqual(AA_TEXT_RATIO);
    expect(contrastRatio(declared(badge, 'color'), fill)).toBeGreaterThanOrEqual(AA_TEXT_RATIO);
  });

  it('wraps inside the column rather than running out of it', () => {
    expect(css).toMatch(/\.discourse-timeline__type\s*\{[^}]*white-space:\s*normal;/);
  });
});
