// @vitest-environment happy-dom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it, vi } from 'vitest';
import type { UserId } from '@conjecture/shared';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { UNKNOWN_NAME, useNameResolver } from './nameDirectory.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const bruno = 'student-b' as UserId;

/** Renders the hook over `names`; returns each render's resolver and a way to render new names. */
function resolverOver(names: Record<string, string> | null, onUnknown?: () => void) {
  const resolvers: ResolveDisplayName[] = [];
  function Probe({ names }: { names: Record<string, string> | null }) {
    resolvers.push(useNameResolver(names, onUnknown));
    return null;
  }
  const root = createRoot(document.createElement('div'));
  act(() => root.render(<Probe names={names} />));
  return {
    resolvers,
    rerender: (next: Record<string, string> | null) => act(() => root.render(<Probe names={next} />)),
    unmount: () => act(() => root.unmount()),
  };
}

describe('useNameResolver', () => {
  it('is one resolver across renders, reading the latest names', () => {
    const probe = resolverOver({ [bruno]: 'Bruno' });
    const [first] = probe.resolvers;
    expect(first!(bruno)).toBe('Bruno');
    probe.rerender({ [bruno]: 'Student B' });
    expect(probe.resolvers.every((r) => r === first)).toBe(true);
    expect(first!(bruno)).toBe('Student B');
    probe.unmount();
  });

  it('tells its subscribers once new names are in, and no longer after they unsubscribe', () => {
    const probe = resolverOver({ [bruno]: 'Bruno' });
    const resolve = probe.resolvers[0]!;
    const seen: string[] = [];
    const unsubscribe = resolve.subscribe!(() => seen.push(resolve(bruno)));
    probe.rerender({ [bruno]: 'Student B' });
    expect(seen).toEqual(['Student B']);
    unsubscribe();
    probe.rerender({ [bruno]: 'Bruno' });
    expect(seen).toEqual(['Student B']);
    probe.unmount();
  });

  it('names an unknown id "Someone" and asks for the names again', () => {
    const onUnknown = vi.fn();
    const probe = resolverOver({}, onUnknown);
    expect(probe.resolvers[0]!(bruno)).toBe(UNKNOWN_NAME);
    expect(onUnknown).toHaveBeenCalledOnce();
    // …or what the caller says an unknown id reads as (a cursor: no name tag at all)
    expect(probe.resolvers[0]!(bruno, '')).toBe('');
    expect(onUnknown).toHaveBeenCalledTimes(2);
    probe.unmount();
  });
});
