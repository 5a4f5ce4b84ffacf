import {
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  UNTYPED_QUESTION_LABEL,
  type QuestionType,
  type TimelineEntry,
} from '@conjecture/shared';

/** What the timeline shows: all of it, every question, the questions of one NCTM type, or those of none shown. */
export type TimelineFilter = 'all' | 'questions' | QuestionType | 'untyped';

export const inTimelineFilter =
  (filter: TimelineFilter) =>
  (e: TimelineEntry): boolean =>
    filter === 'all' ||
    (e.question &&
      (filter === 'questions' ||
        (filter === 'untyped' ? e.questionType === null : e.questionType === filter)));

export interface TimelineFilterChoice {
  value: TimelineFilter;
  label: string;
}

/**
 * The filter's choices with how many entries each shows. Every NCTM type is offered, a type never asked
 * included (a zero is evidence too); "type not shown" only when some question is.
 */
export function timelineFilterChoices(entries: readonly TimelineEntry[]): TimelineFilterChoice[] {
  const count = (filter: TimelineFilter) => entries.filter(inTimelineFilter(filter)).length;
  const choice = (value: TimelineFilter, words: string) => ({ value, label: `${words} (${count(value)})` });
  return [
    choice('all', 'All talk and questions'),
    choice('questions', 'All questions'),
    ...QUESTION_TYPES.map((t) => choice(t, QUESTION_TYPE_LABELS[t])),
    ...(count('untyped') > 0 ? [choice('untyped', UNTYPED_QUESTION_LABEL)] : []),
  ];
}
