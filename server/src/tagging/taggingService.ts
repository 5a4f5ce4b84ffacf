import { EventEmitter } from 'node:events';
import type {
  Contribution,
  ContributionTag,
  QuestionType,
  Result,
  SpeakerRole,
  TalkMovesModel,
} from '@conjecture/shared';
import {
  classifyQuestion,
  effectiveMove,
  effectiveQuestion,
  effectiveQuestionType,
  fail,
  movesFor,
  ok,
  QUESTION_TYPES,
  summarizeTags,
  tagContribution,
  WELL_KNOWN_USERS,
} from '@conjecture/shared';
import type { TagSummary } from '@conjecture/shared';
import type { ReplyDeleted, ReplyEdited, ReplyPosted } from '../classroom/critiqueService.js';
import type { Scheduler } from '../util/scheduler.js';
import type { Cancel } from '../util/scheduler.js';
import type { TagStore } from './tagStore.js';

/** How many earlier contributions on the same board a board text is tagged against. */
const CONTEXT_ITEMS = 6;

export interface BoardPlace {
  classId: string;
  groupId: string | null;
}

export interface TaggingDeps {
  store: TagStore;
  /** Null when no model file could be loaded: tagging is off, everything else works. */
  model: TalkMovesModel | null;
  now: () => number;
  /** Board texts are tagged once their author has stopped typing for this long. */
  debounceMs: number;
  /** Runs the debounce timers; closing it drops the texts still waiting. */
  scheduler: Scheduler;
  placeOfBoard: (boardId: string) => BoardPlace | undefined;
}

export interface TaggingEvents {
  tagged: [tag: ContributionTag];
  /** A contribution's words were taken back: its tag (as it was) is gone. */
  untagged: [tag: ContributionTag];
}

const replyContribution = (r: { boardId: string; replyId: string }) => `critique:${r.boardId}:${r.replyId}`;

const roleOf = (author: string): SpeakerRole | null =>
  author === WELL_KNOWN_USERS.teacher ? 'teacher' : author === WELL_KNOWN_USERS.server ? null : 'student';

/**
 * Live discourse tagging: every text contribution — board texts and sticky notes (debounced while someone
 * is still typing), answers to the teacher's questions, the teacher's own questions — is tagged with the
 * right context as it arrives, stored, and announced. Teacher corrections are stored beside the tags and
 * exported as training data.
 */
export class TaggingService extends EventEmitter<TaggingEvents> {
  /** Texts resting before their tag, with the text each had at its writer's last change. */
  private readonly pending = new Map<string, { cancel: Cancel; text: string | null }>();

  constructor(private readonly deps: TaggingDeps) {
    super();
  }

  get enabled(): boolean {
    return this.deps.model !== null;
  }

  /**
   * A record changed on a board; `readText` reads its current text. A change that leaves the text as it was
   * (a move, a restyle) is not a contribution: it neither tags nor takes over a text still resting from its
   * writer, so moving a classmate's note before its tag is due leaves the note the classmate's.
   */
  boardTextChanged(boardId: string, shapeId: string, author: string, readText: () => string | null): void {
    const role = roleOf(author);
    if (!this.enabled || !role) return;
    const contributionId = `board:${boardId}:${shapeId}`;
    const waiting = this.pending.get(contributionId);
    const text = readText();
    if (text === (waiting ? waiting.text : (this.deps.store.get(contributionId)?.text ?? null))) return;
    if (!waiting && !text) return;
    waiting?.cancel();
    const cancel = this.deps.scheduler.timeout(this.deps.debounceMs, () => {
      this.pending.delete(contributionId);
      const place = this.deps.placeOfBoard(boardId);
      const text = readText();
      if (!place || !text) return;
      if (this.deps.store.get(contributionId)?.text === text) return; // rewritten back as it was tagged
      const earlier = this.deps.store
        .ofBoard(boardId, CONTEXT_ITEMS + 2)
        .filter((t) => t.contributionId !== contributionId);
      const context = earlier.slice(-CONTEXT_ITEMS).map((t) => ({ role: t.role, text: t.text }));
      this.tag(
        { contributionId, ...place, boardId, shapeId, kind: 'board_text', author, role, text },
        context,
      );
      // The board's previous contribution now has a next one: tag it again with it (the model reads what
      // follows a contribution too), unless the teacher has corrected it.
      const previous = earlier[earlier.length - 1];
      if (previous && !previous.corrected) {
        const before = earlier.slice(0, -1).slice(-CONTEXT_ITEMS);
        this.retag(
          previous,
          before.map((t) => ({ role: t.role, text: t.text })),
          [{ role, text }],
        );
      }
    });
    this.pending.set(contributionId, { cancel, text });
  }

  answerPosted(a: {
    answerId: string;
    classId: string;
    groupId: string | null;
    studentId: string;
    text: string;
    question: string;
  }): void {
    this.tag(
      {
        contributionId: `answer:${a.answerId}`,
        classId: a.classId,
        groupId: a.groupId,
        boardId: null,
        shapeId: null,
        kind: 'answer',
        author: a.studentId,
        role: 'student',
        text: a.text,
      },
      [{ role: 'teacher', text: a.question }],
    );
  }

  /** The NCTM type a teacher's question of this text gets when posed (a discussion step's question). */
  questionTypeOf(text: string): QuestionType | null {
    const model = this.deps.model;
    if (!model) return null;
    return classifyQuestion(model, { role: 'teacher', text })?.questionType ?? null;
  }

  questionPosed(q: { questionId: string; classId: string; groupId: string | null; text: string }): void {
    this.tag(
      {
        contributionId: `question:${q.questionId}`,
        classId: q.classId,
        groupId: q.groupId,
        boardId: null,
        shapeId: null,
        kind: 'question',
        author: 'teacher',
        role: 'teacher',
        text: q.text,
      },
      [],
    );
  }

  /**
   * A written answer of a student's end-of-lesson reflection, tagged against its prompt; an answer saved
   * again unchanged keeps its tag (and any correction).
   */
  reflectionWritten(r: {
    classId: string;
    groupId: string | null;
    studentId: string;
    field: string;
    prompt: string;
    text: string;
  }): void {
    const contributionId = `reflection:${r.classId}:${r.studentId}:${r.field}`;
    if (this.deps.store.get(contributionId)?.text === r.text) return;
    this.tag(
      {
        contributionId,
        classId: r.classId,
        groupId: r.groupId,
        boardId: null,
        shapeId: null,
        kind: 'reflection',
        author: r.studentId,
        role: 'student',
        text: r.text,
      },
      [{ role: 'teacher', text: r.prompt }],
    );
  }

  /** A reply in a critique thread, tagged against the item replied to and the earlier replies. */
  critiqueReply(r: ReplyPosted): void {
    this.tagReply(r, this.deps.now());
  }

  /**
   * An edited reply is tagged again from its new words, against what it answers, keeping its place (when it was
   * first tagged). A new stance on the same words changes nothing. New words drop the teacher's correction: it
   * judged words no longer said, and kept it would label the new words unread — on the dashboard, in the
   * evidence and in the training data `pnpm train --corrections` reads. The teacher sees the new tag live.
   */
  critiqueReplyEdited(r: ReplyEdited): void {
    const stored = this.deps.store.get(replyContribution(r));
    if (stored?.text === r.text) return;
    this.tagReply(r, stored?.taggedAt ?? this.deps.now());
  }

  /**
   * A deleted reply's tag goes (with any correction): the tags, the evidence and "my work" show what was said as
   * it stands. The update log keeps the reply as posted and its deletion, so the replay still shows it.
   */
  critiqueReplyDeleted(r: ReplyDeleted): void {
    const stored = this.deps.store.get(replyContribution(r));
    if (!stored) return;
    this.deps.store.remove(stored.contributionId);
    this.emit('untagged', stored);
  }

  private tagReply(r: ReplyPosted, taggedAt: number): void {
    const role = roleOf(r.authorId);
    if (!role) return;
    this.tag(
      {
        contributionId: replyContribution(r),
        classId: r.classId,
        groupId: r.groupId,
        boardId: r.boardId,
        shapeId: null,
        kind: 'critique_reply',
        author: r.authorId,
        role,
        text: r.text,
      },
      r.context,
      taggedAt,
    );
  }

  tagsOf(classId: string): ContributionTag[] {
    return this.deps.store.ofClass(classId);
  }

  tagsOfBoard(boardId: string): ContributionTag[] {
    return this.deps.store.ofBoard(boardId, 500);
  }

  /** Per group: moves and question types; for the teacher: the types of their own questions. A correction wins. */
  summary(classId: string): TagSummary {
    // The summary is the lesson's talk; reflections are written after it, about it.
    return summarizeTags(
      this.tagsOf(classId)
        .filter((t) => t.kind !== 'reflection')
        .map((t) => ({
          groupId: t.groupId,
          role: t.role,
          move: effectiveMove(t) as never,
          questionType: effectiveQuestionType(t) as never,
          question: effectiveQuestion(t),
        })),
    );
  }

  /**
   * The teacher's correction of a tag. A type makes it a question; without one, `question` says whether it is
   * one all the same (a withheld type whose move the teacher changed), and it is not one when left out.
   */
  correct(
    classId: string,
    contributionId: string,
    { move, questionType, question }: { move: string; questionType: string | null; question?: boolean },
  ): Result<ContributionTag> {
    const tag = this.deps.store.get(contributionId);
    if (!tag || tag.classId !== classId)
      return fail('not_found', 'no such tagged contribution in this class');
    if (!movesFor(tag.role).includes(move)) return fail('bad_request', `"${move}" is not a ${tag.role} move`);
    if (questionType !== null && !(QUESTION_TYPES as readonly string[]).includes(questionType)) {
      return fail('bad_request', `"${questionType}" is not a question type`);
    }
    if (questionType && question === false) return fail('bad_request', 'a question type is for a question');
    const correction = { move, questionType: questionType ?? null, question: !!questionType || !!question };
    this.deps.store.correct(contributionId, correction, this.deps.now());
    const corrected = this.deps.store.get(contributionId) as ContributionTag;
    this.emit('tagged', corrected);
    return ok(corrected);
  }

  /**
   * The teacher's corrections as training data, in the TalkMoves JSONL layout `pnpm train` reads: each
   * corrected contribution with the contributions before it on the same board (or thread) as context.
   */
  exportCorrections(classId: string): string {
    const lines: string[] = [];
    const tags = this.tagsOf(classId);
    const byTranscript = new Map<string, ContributionTag[]>();
    for (const t of tags) {
      const transcript = `conjecture:${classId}:${t.boardId ?? t.groupId ?? 'class'}`;
      byTranscript.set(transcript, [...(byTranscript.get(transcript) ?? []), t]);
    }
    for (const [transcript, list] of byTranscript) {
      if (!list.some((t) => t.corrected)) continue;
      list.forEach((t, i) =>
        lines.push(
          JSON.stringify({
            transcript_id: transcript,
            turn: i,
            sent_idx: i,
            speaker_role: t.role,
            text: t.text,
            label: effectiveMove(t),
            question_type: effectiveQuestionType(t),
            corrected: t.corrected !== null,
          }),
        ),
      );
    }
    return lines.length > 0 ? `${lines.join('\n')}\n` : '';
  }

  private tag(
    base: Omit<
      ContributionTag,
      'move' | 'confidence' | 'questionType' | 'question' | 'cues' | 'taggedAt' | 'corrected'
    >,
    context: Contribution[],
    taggedAt = this.deps.now(),
  ): void {
    const model = this.deps.model;
    if (!model) return;
    const { questionTypeConfidence: _, ...result } = tagContribution(model, {
      role: base.role,
      text: base.text,
      context,
    });
    const tag = { ...base, ...result, taggedAt };
    // New words drop the teacher's correction of the old ones (a board text or a reflection rewritten, a reply
    // edited): it judged words no longer there, and kept it would label words she never read — on the
    // dashboard, in the evidence and in the corrections export training reads. The same words keep it.
    const before = this.deps.store.get(base.contributionId);
    if (before?.corrected && before.text !== base.text) this.deps.store.dropCorrection(base.contributionId);
    this.deps.store.put(tag);
    this.emit('tagged', this.deps.store.get(base.contributionId) as ContributionTag);
  }

  /** Tags a stored contribution again now that the next one is known; it keeps its place (taggedAt). */
  private retag(tag: ContributionTag, context: Contribution[], next: Contribution[]): void {
    const model = this.deps.model;
    if (!model) return;
    const { questionTypeConfidence: _, ...result } = tagContribution(model, {
      role: tag.role,
      text: tag.text,
      context,
      next,
    });
    if (result.move === tag.move && result.confidence === tag.confidence) return;
    const { corrected: _corrected, ...stored } = tag;
    this.deps.store.put({ ...stored, ...result });
    this.emit('tagged', this.deps.store.get(tag.contributionId) as ContributionTag);
  }
}
