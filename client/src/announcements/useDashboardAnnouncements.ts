import { useEffect, useRef } from 'react';
import { announce } from '../ui/liveRegion.js';
import { AnnouncementPacer, DASHBOARD_PACE } from './announcementPacer.js';
import {
  dashboardAnnouncements,
  withUnnamedJoinsHeld,
  type DashboardSnapshot,
} from './teacherAnnouncements.js';

/**
 * Speaks the dashboard's live events through the page's polite live region, paced (see AnnouncementPacer).
 * `snapshot` is null until the class is loaded; nothing is said for the state found on load. `names`: the
 * students' names as the dashboard shows them.
 */
export function useDashboardAnnouncements(
  snapshot: DashboardSnapshot | null,
  names: Readonly<Record<string, string>>,
): void {
  const previous = useRef<DashboardSnapshot | null>(null);
  const pacer = useRef(new AnnouncementPacer(DASHBOARD_PACE));
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latestNames = useRef(names);
  latestNames.current = names;
  // The snapshot is rebuilt on every render: compare its content, not its identity. A name arriving (the
  // class view fetched again after a join) is a change too: the join held back for it can now be said.
  const key = snapshot ? JSON.stringify(snapshot) : null;
  const namesKey = JSON.stringify(names);

  useEffect(() => {
    if (!key) return;
    const known = latestNames.current;
    const next = withUnnamedJoinsHeld(
      previous.current,
      JSON.parse(key) as DashboardSnapshot,
      (id) => id in known,
    );
    const sentences = dashboardAnnouncements(previous.current, next, (id) => known[id] ?? 'A student');
    previous.current = next;
    if (sentences.length === 0) return;
    pacer.current.offer(sentences, Date.now());
    flush();
  }, [key, namesKey]);

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  function flush() {
    if (timer.current) return; // a flush is already due
    const message = pacer.current.take(Date.now());
    if (message) announce(message);
    const due = pacer.current.dueAt();
    if (due === null) return;
    timer.current = setTimeout(
      () => {
        timer.current = null;
        flush();
      },
      Math.max(0, due - Date.now()),
    );
  }
}
