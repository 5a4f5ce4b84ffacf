import { useEffect, useMemo, useRef, useState } from 'react';
import { WELL_KNOWN_USERS, type UserId } from '@conjecture/shared';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';

/** For an id the directory does not know yet (a student who joined a moment ago). */
export const UNKNOWN_NAME = 'Someone';

/**
 * A stable resolver over the latest `names` of `GET /view` (boards and awareness carry ids only). Stable,
 * because the board session is rebuilt when its resolver changes; it reads the latest names on each call,
 * asks for a refresh when it meets an id it does not know, and tells its subscribers (the cursors) after
 * each render that brought new names.
 */
export function useNameResolver(
  names: Record<string, string> | null,
  onUnknown?: () => void,
): ResolveDisplayName {
  const latest = useRef(names);
  latest.current = names;
  const unknown = useRef(onUnknown);
  unknown.current = onUnknown;
  const [resolver] = useState(() => {
    const listeners = new Set<() => void>();
    const resolve: ResolveDisplayName = (id: UserId, unknownName = UNKNOWN_NAME) => {
      const name = latest.current?.[id];
      if (name !== undefined) return name;
      unknown.current?.();
      return unknownName;
    };
    resolve.subscribe = (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    };
    return { resolve, listeners };
  });
  // After the render that brought new names (an effect: listeners re-read them and update stores).
  useEffect(() => {
    for (const listener of resolver.listeners) listener();
  }, [names, resolver]);
  return resolver.resolve;
}

/**
 * The class's labels as its teacher and a coach read them (every student by name, and the teacher), with a
 * resolver over them: the same map on every render until the roster changes.
 */
export function useRosterNames(
  students: ReadonlyArray<{ studentId: string; displayName: string }> | undefined,
): {
  names: Record<string, string>;
  resolveName: ResolveDisplayName;
} {
  const names = useMemo(() => {
    const labels: Record<string, string> = { [WELL_KNOWN_USERS.teacher]: 'Teacher' };
    for (const s of students ?? []) labels[s.studentId] = s.displayName;
    return labels;
  }, [students]);
  return { names, resolveName: useNameResolver(names) };
}
