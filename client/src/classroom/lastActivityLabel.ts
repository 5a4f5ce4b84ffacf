/** Under this, an edit is "just now": the dashboard's clock ticks in steps, so a count of seconds would flicker. */
const JUST_NOW_MS = 10_000;

/**
 * What a group's card says of its board's last edit: "No edits yet", "Active just now", "Active 40 s ago",
 * "Active 3 min ago", "Active 2 h ago".
 */
export function lastActivityLabel(then: number | null, now: number): string {
  if (then === null) return 'No edits yet';
  const ago = Math.max(0, now - then);
  if (ago < JUST_NOW_MS) return 'Active just now';
  const seconds = Math.round(ago / 1000);
  if (seconds < 60) return `Active ${seconds} s ago`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `Active ${minutes} min ago` : `Active ${Math.round(minutes / 60)} h ago`;
}
