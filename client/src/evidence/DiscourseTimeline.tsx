import { MOVE_CHIPS, QUESTION_TYPE_LABELS, type TimelineEntry } from '@conjecture/shared';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { Written } from '../ui/Written.js';

const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  tag: 'On the board',
  critique: 'Critique',
  question: 'Question',
  answer: 'Answer',
};

const moveLabel = (move: string | null) =>
  move && move !== 'none' ? ((MOVE_CHIPS as Record<string, string>)[move] ?? move) : null;
const questionTypeLabel = (type: string | null) =>
  type ? ((QUESTION_TYPE_LABELS as Record<string, string>)[type] ?? type) : null;
/** "1:35:19 PM": to the second (rounded down, as clocks read), the hour without a leading zero. */
export const clockTime = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });

interface DiscourseTimelineProps {
  entries: readonly TimelineEntry[];
  /** The entry that goes with the board shown (see `currentEntry`), or -1. */
  current: number;
  resolveName: ResolveDisplayName;
  onJump: (index: number) => void;
}

/**
 * The group's talk beside its replay, oldest first: tagged board texts, critique replies, the teacher's
 * questions and the answers, each with its time and move. Choosing one moves the replay to that moment.
 */
export function DiscourseTimeline({ entries, current, resolveName, onJump }: DiscourseTimelineProps) {
  if (entries.length === 0) return <p className="muted">No tagged talk, critique or questions yet.</p>;
  return (
    <ol className="discourse-timeline" aria-label="Discourse timeline">
      {entries.map((e, i) => {
        const tag = moveLabel(e.move) ?? questionTypeLabel(e.questionType);
        return (
          <li key={`${e.kind}:${e.at}:${i}`} data-kind={e.kind} data-later={i > current || undefined}>
            <button type="button" onClick={() => onJump(i)} aria-current={i === current ? 'step' : undefined}>
              <span className="discourse-timeline__meta">
                {clockTime(e.at)} · {KIND_LABELS[e.kind]}
                {e.author && ` · ${e.author === 'teacher' ? 'Teacher' : resolveName(e.author)}`}
              </span>
              <Written className="discourse-timeline__text">{e.text}</Written>
              {tag && <span className="discourse-timeline__move">{tag}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
