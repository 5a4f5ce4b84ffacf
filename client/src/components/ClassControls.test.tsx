// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { ClassControls } from './ClassControls.js';
import { aClass } from '../test/classState.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

const buttons = (host: HTMLElement) => [...host.querySelectorAll('button')].map((b) => b.textContent);

describe("the lesson's switches", () => {
  it('while the class runs: pause, joining, reflections and end', async () => {
    const host = await render(<ClassControls cls={aClass()} onUpdate={() => {}} />);
    expect(buttons(host)).toEqual([
      'Pause the class',
      'Close joining',
      'Ask for reflections',
      'End the class',
    ]);
  });

  it('once it has ended: one way on, reopening it — no "Resume the class" beside it', async () => {
    // the server reports an ended class as paused too (its boards are read-only)
    const host = await render(
      <ClassControls cls={aClass({ ended: true, paused: true, joiningOpen: false })} onUpdate={() => {}} />,
    );
    expect(buttons(host)).toEqual(['Ask for reflections', 'Reopen the class']);
  });
});
