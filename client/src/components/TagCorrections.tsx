import { Fragment, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import {
  MOVE_CHIPS,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  STUDENT_MOVES,
  TEACHER_MOVES,
  UNTYPED_QUESTION_LABEL,
  effectiveMove,
  effectiveQuestion,
  effectiveQuestionType,
  explainTag,
  type ContributionTag,
  type CorrectTagBody,
  type Group,
  type TagExplanation,
} from '@conjecture/shared';
import { howSure } from '../tagging/howSure.js';
import { correctionsExportUrl } from '../tagging/tagsApi.js';
import { tagsShown } from '../tagging/tagsShown.js';
import { Badge } from '../ui/Badge.js';
import { Button } from '../ui/Button.js';
import { SelectField } from '../ui/Select.js';
import { DownloadIcon } from '../ui/icons.js';
import { Written } from '../ui/Written.js';

interface TagCorrectionsProps {
  classId: string;
  tags: ContributionTag[];
  /** The class's groups, to show one group's contributions. */
  groups: ReadonlyArray<Pick<Group, 'groupId' | 'name'>>;
  resolveName: (id: string) => string;
  error: string | null;
  /** Without it (a coach) the list is read-only: each tag in words, no corrections, no training export. */
  onCorrect?: (contributionId: string, correction: Required<CorrectTagBody>) => void;
}

const EVERYONE = '';
const TEACHER = 'teacher';
/** The filter's test: everyone, the teacher's own contributions, or one group's students'. */
const inView = (shown: string) => (tag: ContributionTag) =>
  shown === EVERYONE ||
  (shown === TEACHER ? tag.role === 'teacher' : tag.role === 'student' && tag.groupId === shown);
const NO_QUESTION = '';
const UNTYPED_QUESTION = 'untyped';
const moveLabel = (move: string) =>
  move === 'none' ? 'No move' : ((MOVE_CHIPS as Record<string, string>)[move] ?? move);
const questionTypeLabel = (type: string) => (QUESTION_TYPE_LABELS as Record<string, string>)[type] ?? type;
const NOT_A_QUESTION_LABEL = 'Not a question';
// Sentence case, as the replay's timeline and the student's reflection name the same kinds.
const KIND_NAMES: Record<ContributionTag['kind'], string> = {
  board_text: 'On the board',
  answer: 'Answer',
  question: 'Question',
  critique_reply: 'Critique reply',
  reflection: 'Reflection',
};

/** "a", "a and b", "a, b and c". */
function inList<T>(items: readonly T[], item: (x: T) => ReactNode) {
  return items.map((x, i) => (
    <Fragment key={i}>
      {i === 0 ? '' : i === items.length - 1 ? ' and ' : ', '}
      {item(x)}
    </Fragment>
  ));
}

/**
 * Why the tagger chose this tag, as a teacher checks it: the student's own words that led to it (also marked
 * in the text above) and where it sits in the talk. Nothing when the tagger's cues name nothing checkable.
 */
function WhyThisTag({
  text,
  explanation,
  corrected,
}: {
  text: string;
  explanation: TagExplanation;
  /** The reasons are the tagger's, for its own tag: after a correction they explain the first one. */
  corrected: boolean;
}) {
  const { spans, reasons } = explanation;
  if (spans.length === 0 && reasons.length === 0) return null;
  return (
    <p className="tag-row__cues">
      {corrected ? 'Why it was first tagged so' : 'Why this tag'}:{' '}
      {spans.length > 0 && (
        <>
          the words{' '}
          {inList(spans, (s) => (
            <>
              “<Written>{text.slice(s.start, s.end)}</Written>”
            </>
          ))}
          {reasons.length > 0 && ', and it '}
        </>
      )}
      {spans.length === 0 && 'it '}
      {inList(reasons, (r) => r)}.
    </p>
  );
}

/** A tag in words, for a reader who corrects nothing (a coach): the talk move, how sure, the question type. */
function TagReading({ tag }: { tag: ContributionTag }) {
  const questionType = effectiveQuestionType(tag);
  const sure = tag.corrected
    ? `corrected by the teacher (first tagged: ${moveLabel(tag.move)})`
    : howSure(tag.confidence);
  const question = !effectiveQuestion(tag)
    ? NOT_A_QUESTION_LABEL
    : questionType === null
      ? UNTYPED_QUESTION_LABEL
      : questionTypeLabel(questionType);
  return (
    <p className="tag-row__reading" data-testid="tag-reading">
      Talk move: <strong>{moveLabel(effectiveMove(tag))}</strong> — {sure} · Question type:{' '}
      <strong>{question}</strong>
    </p>
  );
}

/** A tag as the teacher corrects it: its talk move and question type to pick, and how sure the tagger was. */
function TagCorrectionFields({
  tag,
  onCorrect,
}: {
  tag: ContributionTag;
  onCorrect: NonNullable<TagCorrectionsProps['onCorrect']>;
}) {
  const move = effectiveMove(tag);
  const questionType = effectiveQuestionType(tag);
  const moves: readonly string[] = tag.role === 'teacher' ? TEACHER_MOVES : STUDENT_MOVES;
  // A question whose type the model withheld is still a question: the select says so rather than
  // "Not a question" (picking a type or "Not a question" corrects it), and a new move keeps it one.
  const question = effectiveQuestion(tag);
  const untyped = question && questionType === null;
  return (
    <>
      <SelectField
        label="Talk move"
        compact
        value={move}
        onChange={(e) => onCorrect(tag.contributionId, { move: e.target.value, questionType, question })}
      >
        {moves.map((m) => (
          <option key={m} value={m}>
            {moveLabel(m)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Question type"
        compact
        value={untyped ? UNTYPED_QUESTION : (questionType ?? NO_QUESTION)}
        onChange={(e) =>
          e.target.value !== UNTYPED_QUESTION &&
          onCorrect(tag.contributionId, {
            move,
            questionType: e.target.value || null,
            question: e.target.value !== NO_QUESTION,
          })
        }
      >
        {untyped && <option value={UNTYPED_QUESTION}>{UNTYPED_QUESTION_LABEL}</option>}
        <option value={NO_QUESTION}>{NOT_A_QUESTION_LABEL}</option>
        {QUESTION_TYPES.map((t) => (
          <option key={t} value={t}>
            {QUESTION_TYPE_LABELS[t]}
          </option>
        ))}
      </SelectField>
      <p className="tag-row__status">
        {tag.corrected ? (
          <>You corrected this (first tagged: {moveLabel(tag.move)})</>
        ) : (
          // A line each, so the pair stands beside the selects at 1366: as one run it broke mid-sentence.
          <>
            <span className="tag-row__status-line">
              Talk move: <span data-testid="tag-confidence">{howSure(tag.confidence)}</span>
            </span>
            {untyped && (
              <span className="tag-row__status-line" data-testid="question-untyped">
                Question type: not sure enough to show
              </span>
            )}
          </>
        )}
      </p>
    </>
  );
}

/**
 * The tagged contributions, newest first, with what the model saw in them; the teacher picks another move or
 * question type to correct one (the correction wins everywhere and feeds the training export). A coach reads
 * the same list with the tags in words. A lesson tags hundreds: the list shows the newest few and those that
 * need the teacher (`tagsShown`) until she asks for all of them; the filter picks from the whole list.
 */
export function TagCorrections({
  classId,
  tags,
  groups,
  resolveName,
  error,
  onCorrect,
}: TagCorrectionsProps) {
  // One group's talk, or the teacher's own questions, rather than the whole class's latest.
  const [shown, setShown] = useState<string>(EVERYONE);
  const [showAll, setShowAll] = useState(false);
  // Rows the teacher has focused (to correct one): they stay put while she works, whatever arrives meanwhile.
  const [kept, setKept] = useState<ReadonlySet<string>>(new Set());
  const list = useRef<HTMLOListElement>(null);
  const more = useRef<HTMLButtonElement>(null);
  const inFilter = tags.filter(inView(shown)).reverse();
  const short = tagsShown(inFilter, kept);
  const recent = showAll ? inFilter : short;
  const keep = (id: string) => setKept((k) => (k.has(id) ? k : new Set(k).add(id)));
  const toggleAll = () => {
    if (showAll) {
      flushSync(() => setShowAll(false));
      // The button moves up with the shorter list: keep it, with the keyboard on it, in sight.
      more.current?.scrollIntoView?.({ block: 'nearest' });
      return;
    }
    const firstHidden = inFilter.find((tag) => !short.includes(tag))?.contributionId;
    flushSync(() => setShowAll(true));
    // On to the first row that was hidden, so the keyboard reads on from where the short list stopped.
    const rows = [...(list.current?.children ?? [])] as HTMLElement[];
    rows.find((row) => row.dataset.contributionId === firstHidden)?.focus();
  };
  return (
    <section className="tag-corrections" aria-label="Tagged contributions">
      <header className="row">
        <h2>Tagged contributions</h2>
        {onCorrect && (
          <Button asChild>
            <a href={correctionsExportUrl(classId)} download>
              <DownloadIcon aria-hidden="true" />
              Download your corrections (for retraining)
            </a>
          </Button>
        )}
      </header>
      <div className="tag-filter">
        <SelectField label="Show" compact value={shown} onChange={(e) => setShown(e.target.value)}>
          <option value={EVERYONE}>Everyone</option>
          {groups.map((g) => (
            <option key={g.groupId} value={g.groupId}>
              {g.name}
            </option>
          ))}
          <option value={TEACHER}>{onCorrect ? 'Your' : "The teacher's"} questions and talk</option>
        </SelectField>
      </div>
      {error && <p role="alert">{error}</p>}
      {recent.length === 0 ? (
        <p className="muted">{shown === EVERYONE ? 'Nothing tagged yet.' : 'Nothing tagged here yet.'}</p>
      ) : (
        <ol className="tag-list" ref={list}>
          {recent.map((tag) => {
            // A reflection was tagged against its prompt: its reasons name the prompt, not the talk.
            const explanation = explainTag(
              tag.text,
              tag.cues,
              tag.kind === 'reflection' ? 'reflection' : 'talk',
            );
            return (
              <li
                key={tag.contributionId}
                className="tag-row"
                data-testid="tagged-contribution"
                data-contribution-id={tag.contributionId}
                tabIndex={-1}
                onFocus={(e) => e.target !== e.currentTarget && keep(tag.contributionId)}
                data-corrected={String(!!tag.corrected)}
              >
                <p className="tag-row__who">
                  <strong>{tag.role === 'teacher' ? 'Teacher' : resolveName(tag.author)}</strong>
                  <Badge>{KIND_NAMES[tag.kind]}</Badge>
                </p>
                <p className="tag-row__text">
                  <Written marks={explanation.spans}>{tag.text}</Written>
                </p>
                <div className="tag-row__fields">
                  {onCorrect ? (
                    <TagCorrectionFields tag={tag} onCorrect={onCorrect} />
                  ) : (
                    <TagReading tag={tag} />
                  )}
                </div>
                <WhyThisTag text={tag.text} explanation={explanation} corrected={!!tag.corrected} />
              </li>
            );
          })}
        </ol>
      )}
      {short.length < inFilter.length && (
        <p className="tag-more">
          {!showAll && (
            <span className="muted">
              Showing {short.length} of {inFilter.length}: the newest, and those the tagger was not sure of
            </span>
          )}
          <Button ref={more} size="sm" onClick={toggleAll}>
            {showAll ? 'Show fewer' : `Show all ${inFilter.length}`}
          </Button>
        </p>
      )}
    </section>
  );
}
