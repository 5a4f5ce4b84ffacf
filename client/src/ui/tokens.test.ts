import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_NON_TEXT_RATIO, AA_TEXT_RATIO, contrastRatio } from '@conjecture/shared';

/** The colour tokens as tokens.css declares them (plain hex only: the check below reads them). */
function colourTokens(): Map<string, string> {
  const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');
  const tokens = new Map<string, string>();
  for (const m of css.matchAll(/--(color-[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)) tokens.set(m[1]!, m[2]!);
  return tokens;
}

/**
 * Every text colour on every surface it is used on in components.css and the pages (WCAG 1.4.3), and the
 * boundaries of controls against the surface (1.4.11). A new pairing of tokens belongs in this table.
 */
const TEXT_PAIRS: Array<[string, string]> = [
  ['color-text', 'color-surface'],
  ['color-text', 'color-bg'],
  ['color-text', 'color-surface-sunken'],
  ['color-text-muted', 'color-surface'],
  ['color-text-muted', 'color-bg'],
  ['color-text-muted', 'color-surface-sunken'],
  ['color-primary', 'color-surface'],
  ['color-primary', 'color-primary-soft'],
  ['color-danger', 'color-surface'],
  ['color-danger', 'color-surface-sunken'],
  ['color-danger', 'color-danger-soft'],
  ['color-success', 'color-success-soft'],
  ['color-warning', 'color-warning-soft'],
  ['color-text', 'color-attention-soft'],
  ['color-attention', 'color-attention-soft'],
];
const ON_WHITE = [
  'color-primary',
  'color-primary-hover',
  'color-danger',
  'color-danger-hover',
  'color-success',
  'color-attention',
];
const NON_TEXT_PAIRS: Array<[string, string]> = [
  ['color-border-strong', 'color-surface'],
  ['color-primary', 'color-surface'],
];

describe('design tokens meet WCAG AA contrast', () => {
  const tokens = colourTokens();
  const hex = (name: string) => {
    const value = tokens.get(name);
    if (!value) throw new Error(`tokens.css has no plain-hex --${name}`);
    return value;
  };

  it.each(TEXT_PAIRS)('text %s on %s: at least 4.5:1', (fg, bg) => {
    expect(contrastRatio(hex(fg), hex(bg))).toBeGreaterThanOrEqual(AA_TEXT_RATIO);
  });

  it.each(ON_WHITE)('white text (color-text-inverse) on %s: at least 4.5:1', (bg) => {
    expect(contrastRatio(hex('color-text-inverse'), hex(bg))).toBeGreaterThanOrEqual(AA_TEXT_RATIO);
  });

  it.each(NON_TEXT_PAIRS)('control boundary %s on %s: at least 3:1', (fg, bg) => {
    expect(contrastRatio(hex(fg), hex(bg))).toBeGreaterThanOrEqual(AA_NON_TEXT_RATIO);
  });
});
