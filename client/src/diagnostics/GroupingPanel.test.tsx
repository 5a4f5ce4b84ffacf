// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { drawHint, GroupingPanel } from './GroupingPanel.js';
import { aClass, aStudent } from '../test/classState.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

const proposeButton = (host: HTMLElement) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === 'Propose')!;

describe('the Propose groups panel', () => {
  it('says beside a greyed-out Propose that it waits for students to join', async () => {
    const host = await render(<GroupingPanel classId="class-0001" cls={aClass()} onPublished={() => {}} />);
    const propose = proposeButton(host);
    expect(propose.disabled).toBe(true);
    const hintId = propose.getAttribute('aria-describedby');
    expect(hintId).toBeTruthy();
    expect(document.getElementById(hintId!)?.textContent).toBe(
      'Waiting for students: groups are proposed from those who have joined.',
    );
  });

  it('offers Propose with no hint once a student has joined', async () => {
    const cls = aClass({ students: [aStudent('student-001', 'Ada')] });
    const host = await render(<GroupingPanel classId="class-0001" cls={cls} onPublished={() => {}} />);
    const propose = proposeButton(host);
    expect(propose.disabled).toBe(false);
    expect(propose.hasAttribute('aria-describedby')).toBe(false);
    expect(host.querySelector('[data-testid="propose-hint"]')).toBeNull();
  });
});

describe('the hint beside Publish for a random draw', () => {
  it('says what publishing does, in a sentence that ends with a full stop', () => {
    expect(drawHint(false)).toBe(
      'If you publish them as drawn, the projector and each student are told these groups were drawn at random.',
    );
    expect(drawHint(true)).toBe('You moved a student, so these groups will not be shown as drawn at random.');
  });
});
