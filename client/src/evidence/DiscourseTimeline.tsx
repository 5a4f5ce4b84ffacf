import { useState } from 'react';
import {
  MOVE_CHIPS,
  QUESTION_TYPE_LABELS,
  UNTYPED_QUESTION_LABEL,
  type TimelineEntry,
} from '@conjecture/shared';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { Badge } from '../ui/Badge.js';
import { QuestionIcon } from '../ui/icons.js';
import { SelectField } from '../ui/Select.js';
import { Written } from '../ui/Written.js';
import { inTimelineFilter, timelineFilterChoices, type TimelineFilter } from './timelineFilter.js';

const KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  tag: 'On the board',
  critique: 'Critique',
  question: 'Question',
  answer: 'Answer',
};

const moveLabel = (move: string | null) =>
  move && move !== 'none' ? ((MOVE_CHIPS as Record<string, string>)[move] ?? move) : null;
const questionTypeLabel = (type: string | null) =>
  type ? ((QUESTION_TYPE_LABELS as Record<string, string>)[type] ?? type) : UNTYPED_QUESTION_LABEL;
/** "1:35:19 PM": to the second (rounded down, as clocks read), the hour without a leading zero. */
export const clockTime = (at: number) =>
  new Date(at).toLocaleTimeString([], { hour: 'numeric', minute: '2-digit', second: '2-digit' });

interface DiscourseTimelineProps {
  entries: readonly TimelineEntry[];
  /** The entry that goes with the board shown (see `currentEntry`), or -1. */
  current: number;
  resolveName: ResolveDisplayName;
  onJump: (index: number) => void;
  /** The reader is the one who corrects tags (the teacher), not a coach reading hers. */
  viewerCorrects?: boolean;
}

/** A question's NCTM type as the dashboard badges it, or that the tagger was not sure enough to type it. */
function QuestionType({ type }: { type: string | null }) {
  return (
    <Badge
      tone={type ? 'info' : 'neutral'}
      className="discourse-timeline__type"
      data-testid="timeline-question-type"
    >
      <QuestionIcon aria-hidden size={14} />
      <span className="ui-visually-hidden">Question type: </span>
      {questionTypeLabel(type)}
    </Badge>
  );
}

/**
 * The group's talk beside its replay, oldest first: tagged board texts, critique replies, the teacher's
 * questions and the answers, each with its time, talk move and, for a question, its type. Choosing one moves
 * the replay to that moment. A coach follows how the questioning went by filtering to one type.
 */
export function DiscourseTimeline({
  entries,
  current,
  resolveName,
  onJump,
  viewerCorrects = false,
}: DiscourseTimelineProps) {
  const [filter, setFilter] = useState<TimelineFilter>('all');
  if (entries.length === 0) return <p className="muted">No tagged talk, critique or questions yet.</p>;
  const hasQuestions = entries.some((e) => e.question);
  const hasUntyped = entries.some((e) => e.question && e.questionType === null);
  const choices = timelineFilterChoices(entries);
  // A choice gone after "Load the latest" (the last untyped question given a type) shows everything again.
  const active = hasQuestions && choices.some((c) => c.value === filter) ? filter : 'all';
  // Indexes stay those of the whole timeline: the replay's position and highlight are keyed by them.
  const shown = entries.map((e, i) => [e, i] as const).filter(([e]) => inTimelineFilter(active)(e));
  return (
    <>
      {hasQuestions && (
        <SelectField
          label="Show"
          compact
          className="discourse-timeline__filter"
          value={active}
          onChange={(e) => setFilter(e.target.value as TimelineFilter)}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </SelectField>
      )}
      {/* The dashboard's own explanation: "type not shown" alone read as a fault. */}
      {hasUntyped && (
        <p className="muted discourse-timeline__note">
          A question of a type not shown is one the tagger was not sure enough to type.
        </p>
      )}
      {shown.length === 0 ? (
        <p className="muted">No questions of this type in the group’s talk.</p>
      ) : (
        <ol className="discourse-timeline" aria-label="Discourse timeline">
          {shown.map(([e, i]) => {
            const move = moveLabel(e.move);
            return (
              <li key={`${e.kind}:${e.at}:${i}`} data-kind={e.kind} data-later={i > current || undefined}>
                <button
                  type="button"
                  onClick={() => onJump(i)}
                  aria-current={i === current ? 'step' : undefined}
                >
                  <span className="discourse-timeline__meta">
                    {clockTime(e.at)} · {KIND_LABELS[e.kind]}
                    {e.author && ` · ${e.author === 'teacher' ? 'Teacher' : resolveName(e.author)}`}
                  </span>
                  <Written className="discourse-timeline__text">{e.text}</Written>
                  {(move || e.question || e.corrected) && (
                    <span className="discourse-timeline__tags">
                      {move && <span className="discourse-timeline__move">{move}</span>}
                      {e.question && <QuestionType type={e.questionType} />}
                      {e.corrected && (
                        <span className="discourse-timeline__corrected">
                          {viewerCorrects ? 'You corrected this' : 'Corrected by the teacher'}
                        </span>
                      )}
                    </span>
                  )}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}
