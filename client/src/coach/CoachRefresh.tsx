import { clockTime } from '../evidence/DiscourseTimeline.js';
import { Button } from '../ui/Button.js';

interface CoachRefreshProps {
  /** When the evidence was last read. */
  readAt: number;
  refreshing: boolean;
  refresh: () => void;
}

/**
 * When the coach's page read the evidence, and Refresh to read it again (the page has no live socket). While
 * it reads, the button is `aria-disabled`, not `disabled`: a disabled button drops the focus on the page's body.
 */
export function CoachRefresh({ readAt, refreshing, refresh }: CoachRefreshProps) {
  return (
    <>
      <span className="muted" data-testid="coach-read-at">
        Read at {clockTime(readAt)}
      </span>
      <Button
        onClick={() => !refreshing && refresh()}
        aria-disabled={refreshing || undefined}
        aria-busy={refreshing || undefined}
      >
        {refreshing ? 'Refreshing…' : 'Refresh'}
      </Button>
    </>
  );
}
