import {
  MOVE_CHIPS,
  STUDENT_MOVES,
  describeQuestionBalance,
  type Group,
  type TagSummary,
} from '@conjecture/shared';
import { describeRepresentations, type GroupRepresentations } from '@conjecture/shared/board/index';
import { NumericCell, NumericHeader, Table } from '../ui/Table.js';

interface DiscourseSummaryProps {
  groups: Group[];
  summary: TagSummary | null;
  /** Per group, the kinds of representation on its board (null until loaded). */
  representations: GroupRepresentations | null;
  /** Whose questions the balance counts, as the reader says it: the teacher's "Your questions". */
  questionsLabel?: string;
}

// Every student move but `none`: what the group's talk is made of, not what carried no move.
const COUNTED_MOVES = STUDENT_MOVES.filter((m) => m !== 'none');

/**
 * Per group, the talk moves and question types of its students over the lesson and the kinds of
 * representation on its board (so groups with only one kind stand out); the teacher's own questions.
 */
export function DiscourseSummary({
  groups,
  summary,
  representations,
  questionsLabel = 'Your questions',
}: DiscourseSummaryProps) {
  return (
    <section className="discourse" aria-label="Discussion">
      <h2>Discussion</h2>
      {/* Reflections are written after the lesson, about it (the server leaves them out of these counts):
          unsaid, a reflection tagged as a claim beside "Claim 0" read as a miscount. */}
      <p className="muted" data-testid="discussion-counted">
        Counts what each group’s students wrote on the board, replied in critiques and answered during the
        lesson; their reflections are in Reflections.
      </p>
      {/* Said once for the table: a count "of a type not shown" alone read as a fault. */}
      <p className="muted" data-testid="discussion-untyped">
        A question of a type not shown is one the tagger was not sure enough to type; you can give it one in
        Tagged contributions.
      </p>
      <p data-testid="teacher-question-balance">
        {questionsLabel} so far:{' '}
        {summary ? describeQuestionBalance(summary.teacherQuestions, summary.teacherQuestionsUntyped) : '…'}
      </p>
      <Table>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {COUNTED_MOVES.map((m) => (
              <NumericHeader key={m}>{MOVE_CHIPS[m]}</NumericHeader>
            ))}
            <th scope="col">Questions by type</th>
            <th scope="col">Representations on the board</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const counts = summary?.groups[g.groupId];
            return (
              <tr key={g.groupId} data-testid={`discourse-${g.name}`}>
                <th scope="row">{g.name}</th>
                {COUNTED_MOVES.map((m) => (
                  <NumericCell key={m} data-move={m}>
                    {counts?.moves[m] ?? 0}
                  </NumericCell>
                ))}
                {/* In the words of the teacher's own balance above: "—" read as zero, or as broken, for a
                    group whose questions were all left untyped. */}
                <td data-testid="group-question-types">
                  {describeQuestionBalance(counts?.questionTypes ?? {}, counts?.questionsUntyped ?? 0)}
                </td>
                <td data-testid="group-representations">
                  {representations
                    ? describeRepresentations(
                        representations.find((r) => r.groupId === g.groupId)?.counts ?? {},
                      )
                    : '…'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
    </section>
  );
}
