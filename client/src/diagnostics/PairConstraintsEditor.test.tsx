// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { PairConstraintsEditor } from './PairConstraintsEditor.js';
import { aClass, aStudent } from '../test/classState.js';
import { cleanUp, labelOf, render } from '../test/render.js';

afterEach(cleanUp);

describe('the students to keep apart or together', () => {
  it('says in each empty select what to choose, as the plan’s selects do ("Choose a reason…")', async () => {
    const cls = aClass({ students: [aStudent('student-001', 'Ada'), aStudent('student-002', 'Ben')] });
    const host = await render(
      <PairConstraintsEditor cls={cls} pairs={{ keepApart: [], keepTogether: [] }} onChange={() => {}} />,
    );
    const selects = [...host.querySelectorAll('select')];
    expect(selects.map(labelOf)).toEqual(['First student', 'Second student']);
    for (const select of selects) {
      expect(select.value).toBe('');
      expect(select.selectedOptions[0]?.textContent).toBe('Choose a student…');
    }
  });
});
