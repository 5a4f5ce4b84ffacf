import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_NON_TEXT_RATIO, contrastRatio } from '@conjecture/shared';

/**
 * Fields and buttons drawn by the stylesheets outside the design system (the number line's and the plane's
 * forms on the board, the table's row buttons, and the like). Their border is all that shows where a control
 * is, so it needs 3:1 on the white they sit on (WCAG 1.4.11); and a `<select>` is our Select's to draw, whose
 * right padding keeps its chevron off the chosen option. Our own Button's variants are held to the same.
 */
const src = new URL('../', import.meta.url);
const SHEETS = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .map((path) => path.replaceAll('\\', '/'))
  .filter((path) => path.endsWith('.css'));

interface Rule {
  where: string;
  selector: string;
  body: string;
}

/** The plain rules of each sheet (an at-rule's own braces are skipped, its inner rules kept). */
function rules(): Rule[] {
  return SHEETS.flatMap((path) => {
    const css = readFileSync(new URL(path, src), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
    return [...css.matchAll(/([^{}@;]+)\{([^{}]*)\}/g)].map((m) => ({
      where: path,
      selector: m[1]!.trim(),
      body: m[2]!,
    }));
  });
}

function colourTokens(): Map<string, string> {
  const css = readFileSync(new URL('./tokens.css', import.meta.url), 'utf8');
  return new Map(
    [...css.matchAll(/--(color-[\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;/g)].map((m) => [m[1]!, m[2]!]),
  );
}

/** A border's colour as a hex, a token resolved; null when the rule draws none or names no colour we read. */
function borderColour(body: string, tokens: Map<string, string>): string | null {
  const declaration = /border(?:-color)?\s*:\s*([^;]+)/.exec(body)?.[1];
  if (!declaration) return null;
  const token = /var\(--(color-[\w-]+)\)/.exec(declaration)?.[1];
  if (token) return tokens.get(token) ?? null;
  return /#[0-9a-fA-F]{3,6}\b/.exec(declaration)?.[0] ?? null;
}

const WHITE = '#ffffff';
/** A field's or a button's element in a selector (`.ui-select`, a class, is not one). */
const FIELD = /(?:^|[\s,>+~(])(input|textarea|select|button)\b(?![-\w])/;
const SELECT = /(?:^|[\s,>+~(])select\b(?![-\w])/;

describe('fields outside the design system look like ours', () => {
  it('a field’s or a button’s border is at least 3:1 on white', () => {
    const tokens = colourTokens();
    const faint = rules()
      .filter((rule) => FIELD.test(rule.selector))
      .flatMap((rule) => {
        const colour = borderColour(rule.body, tokens);
        return colour && contrastRatio(colour, WHITE) < AA_NON_TEXT_RATIO
          ? [`${rule.where}: ${rule.selector} (${colour})`]
          : [];
      });
    expect(faint).toEqual([]);
  });

  it('only the design system styles a <select> (another sheet’s padding put the chevron over the choice)', () => {
    const restyled = rules()
      .filter((rule) => !rule.where.startsWith('ui/'))
      .filter((rule) => SELECT.test(rule.selector))
      .map((rule) => `${rule.where}: ${rule.selector}`);
    expect(restyled).toEqual([]);
  });
});

describe('our buttons look like buttons', () => {
  /** Who draws a text button's border at rest: the base rule, then its variant's (a disabled one needs none). */
  const drawsAtRest = (variant: string) => (rule: Rule) =>
    rule.where === 'ui/components.css' &&
    rule.selector
      .split(',')
      .map((selector) => selector.trim())
      .some((selector) => selector === '.ui-button' || selector === `.ui-button[data-variant='${variant}']`);

  it.each(['secondary', 'ghost'])(
    'a %s button draws a border of 3:1 on white (a borderless "Edit" or "Remove" read as text)',
    (variant) => {
      const tokens = colourTokens();
      const border = rules()
        .filter(drawsAtRest(variant))
        .map((rule) => /border(?:-color)?\s*:\s*([^;]+)/.exec(rule.body)?.[1]?.trim())
        .filter((declared) => declared !== undefined)
        .at(-1);
      expect(border).not.toMatch(/transparent|none/);
      const colour = borderColour(`border: ${border}`, tokens);
      expect(contrastRatio(colour ?? WHITE, WHITE)).toBeGreaterThanOrEqual(AA_NON_TEXT_RATIO);
    },
  );
});
