import { useState } from 'react';
import './nextQuestions.css';
import {
  effectiveMove,
  effectiveQuestion,
  effectiveQuestionType,
  isolated,
  nextQuestions,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPE_NAMES,
  QUESTION_TYPES,
  questionBalance,
  type ContributionTag,
  type MonitoringState,
  type SuggestedQuestion,
} from '@conjecture/shared';
import { Badge } from '../ui/Badge.js';
import { Button } from '../ui/Button.js';
import { Written } from '../ui/Written.js';

/** Poses a question to one group, anchored beside an item of its board; null on success, else the reason. */
export type PoseToGroup = (text: string, groupId: string, anchorShapeId: string) => Promise<string | null>;

/**
 * The next purposeful questions, per group, computed here from what the dashboard already holds: the
 * monitoring chart (what each group's work matched, with the items) and the class's tags (the types of the
 * teacher's questions so far, the moves of each group's contributions). Each is posed in one click to that
 * group, its card placed beside the item it is about; once tagged, the balance and the suggestions move on.
 */
export function NextQuestions({
  state,
  tags,
  onPose,
}: {
  state: MonitoringState;
  tags: readonly ContributionTag[];
  onPose: PoseToGroup;
}) {
  const posed = tags.filter((t) => t.role === 'teacher' && t.kind === 'question');
  const balance = questionBalance(
    posed.map((t) => ({ groupId: t.groupId, questionType: effectiveQuestionType(t) })),
  );
  // Asked all the same: a question whose type the model withheld (or the teacher left without one).
  const untyped = posed.filter((t) => effectiveQuestion(t) && effectiveQuestionType(t) === null).length;
  const titles = new Map(state.anticipations.map((a) => [a.id, a.title]));
  const rows = state.groups.map((g) => ({
    group: g,
    suggested: nextQuestions(
      {
        matches: g.matches,
        notAnticipated: g.notAnticipated,
        studentMoves: tags.filter((t) => t.groupId === g.groupId && t.role === 'student').map(effectiveMove),
      },
      balance,
      (id) => titles.get(id) ?? id,
    ),
  }));

  return (
    <section className="next-questions stack" aria-label="Next purposeful questions">
      <h3>Next purposeful questions</h3>
      <p className="muted" data-testid="question-balance">
        Your questions so far:{' '}
        {[
          ...QUESTION_TYPES.map((t) => `${balance[t]} ${QUESTION_TYPE_NAMES[t]}`),
          ...(untyped > 0 ? [`${untyped} of a type not shown`] : []),
        ].join(' · ')}
      </p>
      {rows.every((r) => r.suggested.length === 0) ? (
        <p className="muted">Suggestions appear when a group's work matches what you anticipated.</p>
      ) : (
        rows
          .filter((r) => r.suggested.length > 0)
          .map(({ group, suggested }) => (
            <GroupSuggestions
              key={group.groupId}
              groupId={group.groupId}
              groupName={group.name}
              suggested={suggested}
              onPose={onPose}
            />
          ))
      )}
    </section>
  );
}

/**
 * One group's suggestions. The status stays with the group, not the suggestion: once the posed question is
 * tagged the balance moves and the asked suggestion gives way to others.
 */
function GroupSuggestions({
  groupId,
  groupName,
  suggested,
  onPose,
}: {
  groupId: string;
  groupName: string;
  suggested: readonly SuggestedQuestion[];
  onPose: PoseToGroup;
}) {
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const pose = async (question: SuggestedQuestion) => {
    setBusy(true);
    const failure = await onPose(question.text, groupId, question.anchorShapeId);
    setBusy(false);
    setStatus(failure ? `Not asked: ${failure}` : `Asked ${groupName}: ${isolated(question.text)}`);
  };
  return (
    <div className="next-questions__group" data-testid={`next-questions-${groupName}`}>
      <h4>{groupName}</h4>
      <ul className="next-questions__list">
        {suggested.map((q) => (
          <li key={`${q.type}:${q.text}`} className="next-questions__item">
            <Badge tone="info">{QUESTION_TYPE_LABELS[q.type]}</Badge>
            <Written className="next-questions__text">{q.text}</Written>
            <Button
              size="sm"
              disabled={busy}
              aria-label={`Ask ${groupName}: ${isolated(q.text)}`}
              onClick={() => void pose(q)}
            >
              Ask {groupName}
            </Button>
          </li>
        ))}
      </ul>
      <p role="status" className="muted next-questions__status">
        {status}
      </p>
    </div>
  );
}
