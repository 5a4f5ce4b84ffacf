import { readdirSync, readFileSync } from 'node:fs';
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
  // a button or field on the page's background or a sunken panel (a critique reply, a group card)
  ['color-border-strong', 'color-bg'],
  ['color-border-strong', 'color-surface-sunken'],
  ['color-primary', 'color-surface'],
  // the participation bar's shares on its track (sunken)
  ['color-primary', 'color-surface-sunken'],
  ['color-share-2', 'color-surface-sunken'],
  ['color-share-3', 'color-surface-sunken'],
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

/** The type-scale tokens (`--text-*`) as tokens.css declares them, in pixels. */
function textTokens(): Map<string, number> {
  const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');
  const tokens = new Map<string, number>();
  for (const m of css.matchAll(/--(text-[\w-]+):\s*(\d+)px\s*;/g)) tokens.set(m[1]!, Number(m[2]));
  return tokens;
}

/**
 * The stylesheets of the app's screens, and of the board's overlays (critique pins and threads, tag,
 * representation and author chips, the math shapes' labels and forms): a teacher reads those on the opened
 * board, in the discussion and on the projector too. Sizes computed at run time (the projector's pins, sized
 * for the screen) have their own tests.
 */
const src = new URL('../', import.meta.url);
const sources = readdirSync(src, { recursive: true, encoding: 'utf8' }).map((path) =>
  path.replaceAll('\\', '/'),
);
const SCREEN_SHEETS = sources.filter((path) => path.endsWith('.css'));
const SCRIPTS = sources.filter((path) => /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path));

/**
 * Font sizes written as numbers in scripts: an SVG's `fontSize={12}`, a style's `fontSize: 12`, a constant's
 * `fontSizePx: 12`, markup's `font-size="12"`.
 */
function scriptFontSizes(path: string): Array<[string, number]> {
  const code = readFileSync(new URL(path, src), 'utf8');
  return [
    ...code.matchAll(/(?:fontSize(?:Px)?\s*[:=]\s*\{?|font-size\s*[:=]\s*"?)\s*(\d+(?:\.\d+)?)\b/g),
  ].map((m) => [`${path}: ${m[0]}`, Number(m[1])]);
}

/** Each `font-size` / `font` declaration's size in pixels (a clamp's smallest); `em` sizes are relative: skipped. */
function fontSizes(path: string, tokens: Map<string, number>): Array<[string, number]> {
  const css = readFileSync(new URL(path, src), 'utf8');
  const sizes: Array<[string, number]> = [];
  for (const m of css.matchAll(/font(?:-size)?\s*:\s*([^;]+);/g)) {
    const value = m[1]!.replace(/var\(--(text-[\w-]+)\)/g, (_, name: string) => `${tokens.get(name)}px`);
    const size = /(\d+(?:\.\d+)?)(px|rem)\b/.exec(value);
    if (size) sizes.push([`${path}: ${m[0]}`, Number(size[1]) * (size[2] === 'rem' ? 16 : 1)]);
  }
  return sizes;
}

// The dashboard's small buttons, hints and chips were 12 px (`--text-xs`), 13 px here and there: too small
// to read from across the room, where the teacher glances at the dashboard while walking between groups.
describe('the smallest text on a screen is --text-min, at least 14 px', () => {
  const tokens = textTokens();

  it('--text-min is at least 14 px and no type token is smaller', () => {
    const min = tokens.get('text-min');
    expect(min).toBeGreaterThanOrEqual(14);
    expect(Math.min(...tokens.values())).toBe(min);
  });

  it('no stylesheet of the screens sets a font size below it', () => {
    expect(SCREEN_SHEETS).toEqual(expect.arrayContaining(['app.css', 'critique/critique.css']));
    const small = SCREEN_SHEETS.flatMap((path) => fontSizes(path, tokens)).filter(
      ([, px]) => !(px >= (tokens.get('text-min') ?? Infinity)),
    );
    expect(small).toEqual([]);
  });

  it('no script sets a font size below it (the math shapes draw their labels in SVG)', () => {
    expect(SCRIPTS).toContain('shapes/mathShapeStyle.ts');
    const small = SCRIPTS.flatMap(scriptFontSizes).filter(([, px]) => !(px >= (tokens.get('text-min') ?? 0)));
    expect(small).toEqual([]);
  });
});
