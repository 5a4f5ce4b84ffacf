import type { ClassState, Question } from '@conjecture/shared';
import { QuestionForm } from './QuestionForm.js';
import { QuestionIcon } from '../ui/icons.js';
import { Written } from '../ui/Written.js';

interface QuestionsPanelProps {
  cls: ClassState;
  questions: Question[];
  onPose: (text: string, groupId: string | null, anchorShapeId: string | null) => Promise<string | null>;
}

/** Pose a question to all groups or one; every question with its answers as they arrive. */
export function QuestionsPanel({ cls, questions, onPose }: QuestionsPanelProps) {
  const nameOf = (studentId: string) =>
    cls.students.find((s) => s.studentId === studentId)?.displayName ?? 'a removed student';
  const groupName = (groupId: string | null) =>
    groupId === null ? 'All groups' : (cls.groups.find((g) => g.groupId === groupId)?.name ?? 'a group');
  return (
    <section className="questions panel stack" aria-label="Questions">
      <h2 className="panel-title">
        <QuestionIcon aria-hidden /> Questions
      </h2>
      <QuestionForm groups={cls.groups} onPose={onPose} />
      <ol className="question-list">
        {[...questions].reverse().map((q) => (
          <li key={q.questionId} data-testid="posed-question">
            <p>
              <strong>
                <Written>{q.text}</Written>
              </strong>{' '}
              <span className="muted">→ {groupName(q.groupId)}</span>
            </p>
            {q.answers.length === 0 ? (
              <p className="muted">No answers yet.</p>
            ) : (
              <ul aria-label="Answers">
                {q.answers.map((a) => (
                  <li key={a.answerId} data-testid="answer">
                    <strong>{nameOf(a.studentId)}:</strong> <Written>{a.text}</Written>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
