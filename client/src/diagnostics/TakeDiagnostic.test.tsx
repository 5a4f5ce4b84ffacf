// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClassPhase, StudentDiagnostic } from '@conjecture/shared';
import { TakeDiagnostic } from './TakeDiagnostic.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const DIAGNOSTIC: StudentDiagnostic = {
  title: 'Ratios check',
  items: ['i1', 'i2'].map((itemId) => ({
    itemId,
    stem: `Stem ${itemId}`,
    stemLatex: null,
    options: [
      { optionId: 'a', text: 'Option A', latex: null },
      { optionId: 'b', text: 'Option B', latex: null },
    ],
  })),
  answered: [],
  complete: false,
  summary: null,
};

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

async function take(phase: ClassPhase, onAnswered: (next: StudentDiagnostic) => void) {
  root = createRoot(document.body.appendChild(document.createElement('div')));
  const render = (p: ClassPhase) =>
    act(async () =>
      root!.render(
        <TakeDiagnostic classId="c1" token="t" diagnostic={DIAGNOSTIC} phase={p} onAnswered={onAnswered} />,
      ),
    );
  await render(phase);
  const radio = (name: string) =>
    [...document.querySelectorAll<HTMLButtonElement>('[role="radio"]')].find((r) =>
      r.textContent?.includes(name),
    )!;
  const next = () =>
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Next') as HTMLButtonElement;
  const hint = () => document.querySelector('[data-testid="diagnostic-next-hint"]')?.textContent ?? null;
  const alert = () => document.querySelector('[role="alert"]')?.textContent ?? null;
  const click = (el: HTMLElement) => act(async () => el.click());
  return { render, radio, next, hint, alert, click };
}

describe('the diagnostic while the class is paused or ended', () => {
  it('greys out Next with the reason, keeps the choices, and sends them once the class resumes', async () => {
    const onAnswered = vi.fn();
    const screen = await take({ paused: true }, onAnswered);
    await screen.click(screen.radio('Option B'));
    await screen.click(screen.radio('Fairly sure'));
    expect(screen.next().disabled).toBe(true);
    expect(screen.hint()).toMatch(/paused the class: your choices are kept/);

    await screen.render({ paused: false });
    expect(screen.next().disabled).toBe(false);
    expect(screen.radio('Option B').getAttribute('aria-checked')).toBe('true');

    // Paused again a moment before Next reached the server: its refusal is shown, and nothing chosen is lost.
    const fetch = vi.fn(() =>
      Promise.resolve(
        json(409, {
          code: 'class_paused',
          message: 'the class is paused: this waits until your teacher resumes it',
        }),
      ),
    );
    vi.stubGlobal('fetch', fetch);
    await screen.click(screen.next());
    expect(screen.alert()).toBe('The class is paused: this waits until your teacher resumes it.');
    expect(screen.radio('Option B').getAttribute('aria-checked')).toBe('true');
    expect(screen.radio('Fairly sure').getAttribute('aria-checked')).toBe('true');
    expect(onAnswered).not.toHaveBeenCalled();

    const after = { ...DIAGNOSTIC, answered: [{ itemId: 'i1', optionId: 'b', confidence: 3 }] };
    fetch.mockImplementation(() => Promise.resolve(json(200, after)));
    await screen.click(screen.next());
    expect(JSON.parse((fetch.mock.calls[1] as unknown as [string, RequestInit])[1].body as string)).toEqual({
      itemId: 'i1',
      optionId: 'b',
      confidence: 3,
    });
    expect(onAnswered).toHaveBeenCalledWith(after);
  });

  it('says answers are closed once the class has ended', async () => {
    const screen = await take({ paused: true, ended: true }, () => {});
    await screen.click(screen.radio('Option A'));
    await screen.click(screen.radio('Sure'));
    expect(screen.next().disabled).toBe(true);
    expect(screen.hint()).toBe('The class has ended, so answers are closed.');
  });
});
