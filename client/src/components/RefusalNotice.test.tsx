// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { YjsRefusal } from '@conjecture/shared';
import type { BoardSession } from '../sync/boardSession.js';
import { RefusalNotice } from './RefusalNotice.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
});

/** A session whose server has refused one change for `reason`. */
const refusedFor = (reason: string) => {
  const status = { refused: { reason, count: 1 } };
  return { subscribe: () => () => {}, getStatus: () => status } as unknown as BoardSession;
};

function noticeFor(reason: string): string {
  const host = document.body.appendChild(document.createElement('div'));
  root = createRoot(host);
  act(() => root!.render(<RefusalNotice session={refusedFor(reason)} />));
  return host.querySelector('[data-testid="refusal-notice"] p')?.textContent ?? '';
}

describe('the notice of a change the board took back', () => {
  it('says why, in its own words, for every reason the server gives', () => {
    const words = Object.values(YjsRefusal).map((reason) => {
      const text = noticeFor(reason);
      act(() => root?.unmount());
      return text;
    });
    expect(words.every((w) => w.length > 0 && w !== 'The board undid part of your last change.')).toBe(true);
    expect(new Set(words).size).toBe(words.length);
    expect(words[Object.values(YjsRefusal).indexOf(YjsRefusal.outOfSight)]).toMatch(/too faint or too small/);
  });
});
