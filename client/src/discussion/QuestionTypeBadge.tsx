import { QUESTION_TYPE_LABELS, UNTYPED_QUESTION_LABEL } from '@conjecture/shared';
import { Badge } from '../ui/Badge.js';
import type { TypedQuestion } from './useTeacherDiscussion.js';

/**
 * A step's question with the NCTM type the tagger gives it, as it would type the question posed to a group.
 * Shown only for the text it was computed for: while the teacher edits, nothing; after the save, the new type.
 */
export function QuestionTypeBadge({
  question,
  typed,
}: {
  question: string;
  typed: TypedQuestion | undefined;
}) {
  if (!question.trim() || !typed || typed.question !== question.trim()) return null;
  return (
    <Badge tone={typed.type ? 'info' : 'neutral'} data-testid="question-type">
      {typed.type ? QUESTION_TYPE_LABELS[typed.type] : UNTYPED_QUESTION_LABEL}
    </Badge>
  );
}
