// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { AnonymizeSwitches } from './AnonymizeSwitches.js';
import { ProjectionControls } from './ProjectionControls.js';
import { aClass } from '../test/classState.js';
import { cleanUp, labelOf, render } from '../test/render.js';

afterEach(cleanUp);

/** What a teacher reads for a switch: its group's legend, if any, then its own label. */
const readAs = (control: Element) =>
  [control.closest('fieldset')?.querySelector('legend')?.textContent, labelOf(control)]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();

describe("the dashboard's three anonymize switches", () => {
  it('each say which screen they hide names on: this dashboard, the students’ screens, the projector', async () => {
    const cls = aClass();
    const host = await render(
      <>
        <AnonymizeSwitches cls={cls} onUpdate={() => {}} />
        <ProjectionControls cls={cls} onProject={() => {}} projectorLink={null} onNewLink={() => {}} />
      </>,
    );
    const switches = [...host.querySelectorAll('[role="switch"]')].map(readAs);
    expect(switches).toEqual([
      'anonymize names on this dashboard',
      'anonymize names on students’ screens',
      'anonymize names on the projector',
    ]);
  });
});
