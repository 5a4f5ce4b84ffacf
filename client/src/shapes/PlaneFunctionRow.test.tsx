// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaneFunction } from '@conjecture/shared/board/index';
import { cleanUp, labelOf, render } from '../test/render.js';
import { PlaneFunctionRow } from './PlaneFunctionRow.js';

afterEach(cleanUp);

const FUNCTIONS: PlaneFunction[] = [
  { id: 'f1', text: '2x + 1', color: 'blue' },
  { id: 'f2', text: 'x^2', color: 'red' },
];

const renderRows = () =>
  render(
    <ul>
      {FUNCTIONS.map((fn, index) => (
        <PlaneFunctionRow key={fn.id} fn={fn} number={index + 1} onChange={() => {}} onRemove={() => {}} />
      ))}
    </ul>,
  );

/** A control's accessible name: its aria-label, else the text of its label or its own text. */
const nameOf = (control: Element) =>
  control.getAttribute('aria-label') ?? (labelOf(control) || control.textContent?.trim() || '');

describe('the plane’s function rows', () => {
  it('name each row’s controls after its function, so a screen reader tells two rows apart', async () => {
    const host = await renderRows();
    const rows = [...host.querySelectorAll('li')];
    const names = rows.map((row) => [...row.querySelectorAll('input, select, button')].map(nameOf));
    expect(names).toEqual([
      ['y₁ =', 'Colour of y₁', 'Remove y₁'],
      ['y₂ =', 'Colour of y₂', 'Remove y₂'],
    ]);
  });

  it('show each row’s number beside its field, as the labels read', async () => {
    const host = await renderRows();
    const labels = [...host.querySelectorAll('li label')].map((label) => label.textContent);
    expect(labels).toEqual(['y₁ =', 'y₂ =']);
  });
});
