// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { ReflectionsPanel } from './ReflectionsPanel.js';

afterEach(() => {
  cleanUp();
  vi.unstubAllGlobals();
});

/** The panel over a server that holds `reflections`. */
async function renderWith(reflectionOpen: boolean, reflections: unknown[] = []): Promise<HTMLElement> {
  vi.stubGlobal(
    'fetch',
    vi.fn(() =>
      Promise.resolve(
        new Response(JSON.stringify(reflections), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        }),
      ),
    ),
  );
  const host = await render(
    <ReflectionsPanel classId="c1" socket={null} reflectionOpen={reflectionOpen} resolveName={(id) => id} />,
  );
  await act(async () => {
    await vi.waitFor(() => expect(fetch).toHaveBeenCalled());
  });
  return host;
}

/** The panel over a server that holds no reflection yet. */
async function renderWithNoReflections(reflectionOpen: boolean): Promise<string> {
  return (await renderWith(reflectionOpen)).textContent ?? '';
}

describe('the Reflections view before any student has written', () => {
  it('closed: says how to ask for reflections', async () => {
    expect(await renderWithNoReflections(false)).toContain('“Ask for reflections”');
  });

  it('open: says the prompts are on the students’ screens and where their answers will appear', async () => {
    const text = await renderWithNoReflections(true);
    expect(text).toContain('Open to students');
    expect(text).toContain('No reflection yet');
  });
});

describe('the Reflections view once students have written', () => {
  it('says the counts are of the students’ confidence, as the table’s column does', async () => {
    const host = await renderWith(true, [
      {
        classId: 'class-0001',
        studentId: 'student-ada',
        worked: 'Drawing it',
        change: '',
        nextStep: '',
        confidence: 'mostly',
        createdAt: 1,
        updatedAt: 1,
        moves: {},
      },
    ]);
    const tally = () => host.querySelector('[data-testid="confidence-tally"]');
    await act(async () => {
      await vi.waitFor(() => expect(tally()).not.toBeNull());
    });
    expect(tally()!.textContent).toBe('Confidence now: Not yet: 0 A little: 0 Mostly: 1 Very: 0');
  });
});

describe('a reflection saved without a confidence', () => {
  // "—" in the column and no count in the tally: a teacher could not tell "not said" from a gap
  it('counts and shows it as not said', async () => {
    const reflection = (studentId: string, confidence: string | null) => ({
      classId: 'class-0001',
      studentId,
      worked: 'Drawing it',
      change: '',
      nextStep: '',
      confidence,
      createdAt: 1,
      updatedAt: 1,
      moves: {},
    });
    const host = await renderWith(true, [
      reflection('student-ada', 'mostly'),
      reflection('student-bo', null),
    ]);
    const tally = () => host.querySelector('[data-testid="confidence-tally"]');
    await act(async () => {
      await vi.waitFor(() => expect(tally()).not.toBeNull());
    });
    expect(tally()!.textContent).toBe('Confidence now: Not yet: 0 A little: 0 Mostly: 1 Very: 0 Not said: 1');
    const bo = [...host.querySelectorAll('[data-testid="reflection-row"]')].find((r) =>
      r.textContent?.startsWith('student-bo'),
    );
    expect(bo?.lastElementChild?.textContent).toBe('not said');
    // and the prompts Bo left blank say so, as the confidence does: an empty cell read as a gap
    expect([...bo!.querySelectorAll('td')].map((c) => c.textContent)).toEqual([
      'Drawing it',
      'not answered',
      'not answered',
      'not said',
    ]);
  });
});
