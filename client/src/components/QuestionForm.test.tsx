// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { QuestionForm } from './QuestionForm.js';

afterEach(cleanUp);

const pose = (host: HTMLElement) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === 'Pose the question')!;

async function type(host: HTMLElement, text: string) {
  await act(async () => {
    const field = host.querySelector('textarea')!;
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The text of the elements a control's aria-describedby points at, as a screen reader adds it. */
const description = (control: Element) =>
  (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');

describe('posing a question', () => {
  // a greyed-out primary button with no word of why read as a broken one
  it('says why “Pose the question” is greyed out while the question is empty, next to it', async () => {
    const host = await render(<QuestionForm groups={[]} onPose={async () => null} />);
    expect(pose(host).disabled).toBe(true);
    const hint = host.querySelector('[data-testid="pose-hint"]');
    expect(hint?.textContent).toBe('Write a question to pose it.');
    expect(description(pose(host))).toBe('Write a question to pose it.');

    await type(host, 'What does 0.67 tell us?');
    expect(pose(host).disabled).toBe(false);
    expect(host.querySelector('[data-testid="pose-hint"]')).toBeNull();
    expect(pose(host).hasAttribute('aria-describedby')).toBe(false);

    await type(host, '   ');
    expect(pose(host).disabled).toBe(true);
    expect(description(pose(host))).toBe('Write a question to pose it.');
  });
});
