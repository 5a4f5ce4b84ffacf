/**
 * Ticks of a number line and grid lines of a coordinate plane, computed here (pure, tested) so the shapes
 * only draw. A number line's spacing is a fraction numerator/denominator kept as two integers: tick k sits
 * at k·n/d exactly, and its label is built from integers, so 1/4-ticks read "1/4, 1/2, 3/4, 1" and not
 * "0.25, 0.5, 0.7500000001".
 */

/** Most ticks one number line draws; the shape's validator refuses a range and spacing with more. */
export const MAX_NUMBER_LINE_TICKS = 200;
/** Most grid lines along one axis of a coordinate plane. */
export const MAX_GRID_LINES = 200;

export const TICK_LABEL_STYLES = ['fraction', 'decimal'] as const;
export type TickLabelStyle = (typeof TICK_LABEL_STYLES)[number];

export interface TickSpacing {
  min: number;
  max: number;
  /** Ticks every tickNumerator / tickDenominator, both positive integers. */
  tickNumerator: number;
  tickDenominator: number;
  tickLabels: TickLabelStyle;
}

export interface Tick {
  value: number;
  label: string;
  /** Where the tick sits between min (0) and max (1). */
  at: number;
  /** A whole number: drawn longer. */
  major: boolean;
}

// Ticks that land on min or max within rounding still count.
const EPSILON = 1e-9;

function tickIndexRange({ min, max, tickNumerator, tickDenominator }: TickSpacing): [number, number] {
  const step = tickNumerator / tickDenominator;
  return [Math.ceil(min / step - EPSILON), Math.floor(max / step + EPSILON)];
}

/** How many ticks a spacing gives (Infinity or NaN for nonsense, so callers compare against a maximum). */
export function tickCount(spacing: TickSpacing): number {
  const [first, last] = tickIndexRange(spacing);
  return Math.max(0, last - first + 1);
}

function gcd(a: number, b: number): number {
  let [x, y] = [Math.abs(a), Math.abs(b)];
  while (y) [x, y] = [y, x % y];
  return x;
}

/** p/q in lowest terms; whole numbers without a denominator; the sign in front ("-3/4"). */
export function formatFraction(numerator: number, denominator: number): string {
  if (numerator === 0) return '0';
  const divisor = gcd(numerator, denominator);
  const p = numerator / divisor;
  const q = denominator / divisor;
  const sign = p < 0 !== q < 0 ? '-' : '';
  return Math.abs(q) === 1 ? `${sign}${Math.abs(p)}` : `${sign}${Math.abs(p)}/${Math.abs(q)}`;
}

/** A decimal without floating-point noise (0.30000000000000004 → "0.3") and without "-0". */
export function formatDecimal(value: number): string {
  // fixed places first (3·0.1 − 0.3 is 5.6e-17, not a label), then significant digits (0.1 + 0.2)
  const rounded = Number.parseFloat(Number.parseFloat(value.toFixed(10)).toPrecision(12));
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

/** The ticks of a number line, at most MAX_NUMBER_LINE_TICKS (an empty list for a spacing with more). */
export function numberLineTicks(spacing: TickSpacing): Tick[] {
  const count = tickCount(spacing);
  if (!(count <= MAX_NUMBER_LINE_TICKS) || !(spacing.max > spacing.min)) return [];
  const { min, max, tickNumerator: n, tickDenominator: d } = spacing;
  const [first] = tickIndexRange(spacing);
  const ticks: Tick[] = [];
  for (let k = first; k < first + count; k++) {
    const value = (k * n) / d;
    const label = spacing.tickLabels === 'fraction' ? formatFraction(k * n, d) : formatDecimal(value);
    ticks.push({ value, label, at: (value - min) / (max - min), major: (k * n) % d === 0 });
  }
  return ticks;
}

/** The tick nearest to `value` (for markers that snap), or `value` clamped to the line when there is none. */
export function snapToTick(value: number, spacing: TickSpacing): number {
  const clamped = Math.min(spacing.max, Math.max(spacing.min, value));
  const step = spacing.tickNumerator / spacing.tickDenominator;
  const [first, last] = tickIndexRange(spacing);
  if (last < first) return clamped;
  const k = Math.min(last, Math.max(first, Math.round(clamped / step)));
  return (k * spacing.tickNumerator) / spacing.tickDenominator;
}

/**
 * Label every stride-th tick so labels sit at least `minGapPx` apart on a line `lengthPx` long (a label is
 * roughly `charWidthPx` per character). Ticks are still all drawn.
 */
export function labelStride(
  ticks: readonly Pick<Tick, 'label'>[],
  lengthPx: number,
  charWidthPx = 6.5,
  minGapPx = 6,
): number {
  if (ticks.length < 2) return 1;
  const longest = Math.max(...ticks.map((t) => t.label.length));
  const spacingPx = lengthPx / (ticks.length - 1);
  return Math.max(1, Math.ceil((longest * charWidthPx + minGapPx) / Math.max(spacingPx, 1e-6)));
}

/** Multiples of `step` within [min, max] (grid lines), at most MAX_GRID_LINES (empty beyond). */
export function gridValues(min: number, max: number, step: number): number[] {
  const first = Math.ceil(min / step - EPSILON);
  const last = Math.floor(max / step + EPSILON);
  const count = last - first + 1;
  if (!(count >= 0 && count <= MAX_GRID_LINES)) return [];
  return Array.from({ length: count }, (_, i) => Number.parseFloat(((first + i) * step).toPrecision(12)));
}

/** Grid lines between min and max every `step` (Infinity/NaN for nonsense, as `tickCount`). */
export const gridLineCount = (min: number, max: number, step: number): number =>
  Math.max(0, Math.floor(max / step + EPSILON) - Math.ceil(min / step - EPSILON) + 1);
