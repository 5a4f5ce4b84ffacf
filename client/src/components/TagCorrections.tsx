import {
  MOVE_CHIPS,
  QUESTION_TYPE_NAMES,
  QUESTION_TYPES,
  STUDENT_MOVES,
  TEACHER_MOVES,
  type ContributionTag,
} from '@conjecture/shared';
import { effectiveMove, effectiveQuestionType } from '../tagging/boardTags.js';
import { correctionsExportUrl } from '../tagging/tagsApi.js';
import { Button, DownloadIcon, Select } from '../ui/index.js';

interface TagCorrectionsProps {
  classId: string;
  tags: ContributionTag[];
  resolveName: (id: string) => string;
  error: string | null;
  onCorrect: (contributionId: string, move: string, questionType: string | null) => void;
}

const RECENT_TAGS = 30;
const NO_QUESTION = '';
const moveLabel = (move: string) =>
  move === 'none' ? 'No move' : ((MOVE_CHIPS as Record<string, string>)[move] ?? move);
const KIND_NAMES: Record<ContributionTag['kind'], string> = {
  board_text: 'board',
  answer: 'answer',
  question: 'question',
  critique_reply: 'critique reply',
  reflection: 'reflection',
};

/**
 * The latest tagged contributions, newest first, with what the model saw in them; the teacher picks another
 * move or question type to correct one (the correction wins everywhere and feeds the training export).
 */
export function TagCorrections({ classId, tags, resolveName, error, onCorrect }: TagCorrectionsProps) {
  const recent = tags.slice(-RECENT_TAGS).reverse();
  return (
    <section className="tag-corrections" aria-label="Tagged contributions">
      <header className="row">
        <h2>Tagged contributions</h2>
        <Button asChild size="sm">
          <a href={correctionsExportUrl(classId)} download>
            <DownloadIcon aria-hidden="true" />
            Download corrections (JSON lines)
          </a>
        </Button>
      </header>
      {error && <p role="alert">{error}</p>}
      {recent.length === 0 ? (
        <p className="muted">Nothing tagged yet.</p>
      ) : (
        <ol className="tag-list">
          {recent.map((tag) => {
            const move = effectiveMove(tag);
            const questionType = effectiveQuestionType(tag);
            const moves: readonly string[] = tag.role === 'teacher' ? TEACHER_MOVES : STUDENT_MOVES;
            return (
              <li
                key={tag.contributionId}
                data-testid="tagged-contribution"
                data-corrected={String(!!tag.corrected)}
              >
                <p>
                  <strong>{tag.role === 'teacher' ? 'Teacher' : resolveName(tag.author)}</strong>{' '}
                  <span className="muted">({KIND_NAMES[tag.kind]})</span>: {tag.text}
                </p>
                <div className="row">
                  <label>
                    Move{' '}
                    <Select
                      compact
                      value={move}
                      onChange={(e) => onCorrect(tag.contributionId, e.target.value, questionType)}
                    >
                      {moves.map((m) => (
                        <option key={m} value={m}>
                          {moveLabel(m)}
                        </option>
                      ))}
                    </Select>
                  </label>
                  <label>
                    Question type{' '}
                    <Select
                      compact
                      value={questionType ?? NO_QUESTION}
                      onChange={(e) => onCorrect(tag.contributionId, move, e.target.value || null)}
                    >
                      <option value={NO_QUESTION}>Not a question</option>
                      {QUESTION_TYPES.map((t) => (
                        <option key={t} value={t}>
                          {QUESTION_TYPE_NAMES[t]}
                        </option>
                      ))}
                    </Select>
                  </label>
                  {!tag.corrected && tag.question && questionType === null && (
                    <span className="muted" data-testid="question-untyped">
                      question — type not shown (the model is unsure)
                    </span>
                  )}
                  {tag.corrected ? (
                    <span className="muted">corrected (model: {moveLabel(tag.move)})</span>
                  ) : (
                    <span className="muted" data-testid="tag-confidence">
                      {Math.round(tag.confidence * 100)}% sure
                    </span>
                  )}
                </div>
                {tag.cues.length > 0 && <p className="muted cues">Cues: {tag.cues.join(' · ')}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
