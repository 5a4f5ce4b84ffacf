import { latexToSpeech } from '../domain/a11y/latexSpeech.js';
import { formatDecimal, formatFraction, type TickSpacing } from '../domain/math/ticks.js';
import type { EquationProps } from './equation.js';
import type { TableProps } from './table.js';
import type { FractionBarProps } from './fractionBar.js';
import type { NumberLineProps } from './numberLine.js';
import type { CoordinatePlaneProps } from './coordinatePlane.js';
import type { QuestionCardProps } from './questionCard.js';
import { clipped, isolated } from '../protocol/readableText.js';

/**
 * What a screen reader says for each of our shapes: tldraw announces a selected shape's aria descriptor
 * (ShapeUtil.getAriaDescriptor), and the canvas itself is invisible to assistive technology. Pure, so the
 * client's shape utils and the tests read the same words. Each reading is bounded: it is announced, not paged.
 * What someone wrote (a label, a cell, a typed function, the question) is `isolated()` inside the sentence:
 * an Arabic point label must not turn "A at 2, 3" around, nor a label ending in a digit take its comma.
 */
export const MAX_DESCRIPTION_CHARS = 600;

const bounded = (text: string) => clipped(text, MAX_DESCRIPTION_CHARS);

/** A label as written, or the word for none. */
const labelled = (label: string) => (label.trim() === '' ? 'unlabelled' : isolated(label.trim()));

/** "-3/4" → "negative 3 over 4": the words, not the slash, so every screen reader says the same. */
const spokenNumber = (text: string) => text.replace(/^-/, 'negative ').replace('/', ' over ');

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function describeEquation({ latex }: Pick<EquationProps, 'latex'>): string {
  const speech = latexToSpeech(latex);
  return bounded(speech === '' ? 'Equation, empty' : `Equation: ${speech}`);
}

export function describeTable({ cells, headerRow }: Pick<TableProps, 'cells' | 'headerRow'>): string {
  const rows = cells.length;
  const columns = Math.max(0, ...cells.map((r) => r.length));
  const cell = (text: string | undefined) => (text && text.trim() !== '' ? isolated(text.trim()) : 'blank');
  const line = (row: string[]) => Array.from({ length: columns }, (_, i) => cell(row[i])).join(', ');
  const parts = [`Table, ${plural(rows, 'row')} by ${plural(columns, 'column')}`];
  const body = headerRow ? cells.slice(1) : cells;
  if (headerRow && cells[0]) parts.push(`Headers: ${line(cells[0])}`);
  body.forEach((row, i) => parts.push(`Row ${i + 1}: ${line(row)}`));
  return bounded(parts.join('. ') + '.');
}

export function describeFractionBar({
  model,
  partition,
}: Pick<FractionBarProps, 'model' | 'partition'>): string {
  const total = partition.rows * partition.columns;
  const shaded = partition.shaded.length;
  const kind = model === 'area' ? `Area model, ${partition.rows} by ${partition.columns}` : 'Fraction bar';
  return `${kind}: ${shaded} of ${plural(total, 'part')} shaded`;
}

/** A value on a number line as its ticks label it: a fraction of the tick spacing when it is one. */
function spokenValue(value: number, axis: TickSpacing): string {
  const steps = value * axis.tickDenominator;
  if (axis.tickLabels === 'fraction' && Math.abs(steps - Math.round(steps)) < 1e-9)
    return spokenNumber(formatFraction(Math.round(steps), axis.tickDenominator));
  return spokenNumber(formatDecimal(value));
}

export function describeNumberLine({ axis, points }: Pick<NumberLineProps, 'axis' | 'points'>): string {
  const step = spokenValue(axis.tickNumerator / axis.tickDenominator, axis);
  const head = `Number line from ${spokenValue(axis.min, axis)} to ${spokenValue(axis.max, axis)}, ticks every ${step}`;
  const sorted = [...points].sort((a, b) => a.value - b.value);
  const pointText =
    sorted.length === 0
      ? 'No points'
      : `${plural(sorted.length, 'point')}: ` +
        sorted.map((p) => `${labelled(p.label)} at ${spokenValue(p.value, axis)}`).join(', ');
  return bounded(`${head}. ${pointText}.`);
}

export function describeCoordinatePlane({
  window: win,
  points,
  functions,
}: Pick<CoordinatePlaneProps, 'window' | 'points' | 'functions'>): string {
  const n = (v: number) => spokenNumber(formatDecimal(v));
  const parts = [
    `Coordinate plane, x from ${n(win.xMin)} to ${n(win.xMax)}, y from ${n(win.yMin)} to ${n(win.yMax)}`,
  ];
  parts.push(
    points.length === 0
      ? 'No points'
      : `${plural(points.length, 'point')}: ` +
          points.map((p) => `${labelled(p.label)} at ${n(p.x)}, ${n(p.y)}`).join('; '),
  );
  const typed = functions.map((f) => f.text.trim()).filter((t) => t !== '');
  parts.push(
    typed.length === 0
      ? 'No functions'
      : `${plural(typed.length, 'function')}: ${typed.map((t) => isolated(t)).join('; ')}`,
  );
  return bounded(parts.join('. ') + '.');
}

export function describeQuestionCard({ text }: Pick<QuestionCardProps, 'text'>): string {
  return bounded(`Question from your teacher: ${isolated(text.trim())}`);
}
