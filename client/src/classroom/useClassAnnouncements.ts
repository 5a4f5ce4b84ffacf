import { useEffect, useRef } from 'react';
import { announce } from '../ui/liveRegion.js';
import { classAnnouncement, type ClassSnapshot } from './classAnnouncements.js';

/** Announces pause, resume and group moves through the page's live region (none on first load). */
export function useClassAnnouncements(snapshot: ClassSnapshot | null): void {
  const previous = useRef<ClassSnapshot | null>(null);
  const { paused, groupName } = snapshot ?? { paused: false, groupName: null };
  const known = snapshot !== null;
  useEffect(() => {
    if (!known) return;
    const next = { paused, groupName };
    const message = classAnnouncement(previous.current, next);
    previous.current = next;
    if (message) announce(message);
  }, [known, paused, groupName]);
}
