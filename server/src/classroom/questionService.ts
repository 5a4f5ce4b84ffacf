import { EventEmitter } from 'node:events';
import type { Answer, PoseQuestionBody, Question, Result } from '@conjecture/shared';
import { answerLimitRefusal, fail, ok } from '@conjecture/shared';
import {
  BOARD_PAGE_ID,
  freeSpotNear,
  indexAboveAll,
  placeInsidePage,
  QUESTION_CARD_SIZE,
  QUESTION_CARD_TYPE,
  shapeBox,
} from '@conjecture/shared/board/index';
import { recordError } from '../boards/boardSchema.js';
import type { BoardRooms } from '../boards/boardRooms.js';
import type { BoardRecords } from '../boards/boardRecords.js';
import type { BoardRoom } from '../boards/boardRoom.js';
import type { AnswerRow, ClassroomStore, GroupRow, QuestionRow } from './classroomStore.js';
import { randomId } from './tokens.js';
import { refusalNow } from './classPhase.js';
import { boardWriteRefusal } from './serverWrites.js';

export interface QuestionEvents {
  questionPosed: [classId: string, question: Question];
  answerPosted: [classId: string, answer: Answer];
}

export interface QuestionDeps {
  store: ClassroomStore;
  rooms: BoardRooms;
  now: () => number;
}

const CARD_GAP = 40;
const CARD_COLUMN_X = -QUESTION_CARD_SIZE.w - 80;

const toAnswer = (a: AnswerRow): Answer => ({ ...a });
const questionCardId = (q: Pick<QuestionRow, 'questionId'>) => `shape:question-${q.questionId}`;

/**
 * Purposeful questions, live: the teacher poses one to a group or to all; the server places it on each
 * target board as a question card it locks (students answer inside it, but cannot move, edit or delete it),
 * and stores every answer with its author and time.
 */
export class QuestionService extends EventEmitter<QuestionEvents> {
  constructor(private readonly deps: QuestionDeps) {
    super();
  }

  /**
   * Poses a question: its card goes on every target board and the question is stored, all or nothing. Each
   * card is built, validated and checked against its board's limits before anything is written, so a
   * board that cannot take it (full) refuses the whole question with a clear error and nothing is stored.
   */
  pose(classId: string, body: PoseQuestionBody): Result<Question> {
    const { store, now, rooms } = this.deps;
    const groups = body.groupId ? [store.getGroup(body.groupId)] : store.groupsOf(classId);
    if (groups.some((g) => !g || g.classId !== classId))
      return fail('not_found', 'no such group in this class');
    if (groups.length === 0) return fail('conflict', 'make a group before posing a question');
    const row: QuestionRow = {
      questionId: randomId(9),
      classId,
      groupId: body.groupId,
      text: body.text,
      anchorShapeId: body.anchorShapeId,
      createdAt: now(),
    };
    const targets = groups as GroupRow[];
    const latest = store.questionsOf(classId).at(-1);
    const replayOf =
      latest &&
      latest.text === row.text &&
      latest.groupId === row.groupId &&
      latest.anchorShapeId === row.anchorShapeId
        ? latest
        : undefined;
    const placed = rooms.transactAll(
      targets.map((g) => g.boardId),
      (held): Result<QuestionRow> => {
        // The last question's words again, to boards that all show its card (a double submit, a request sent
        // again after a dropped connection) are that question: posed, carded and announced once. A board
        // without its card (a group made since) makes it a new question, so no group misses it.
        if (replayOf && held.every((room) => room.records.get(questionCardId(replayOf)) !== undefined))
          return ok(replayOf);
        const placements: Array<{ room: BoardRoom; card: ReturnType<typeof questionCard> }> = [];
        for (const [i, room] of held.entries()) {
          const name = targets[i]?.name ?? 'a group';
          const card = questionCard(
            row,
            cardPosition(room.records, row.anchorShapeId),
            topIndex(room.records),
          );
          const error = recordError(card.id, card);
          if (error) return fail('conflict', `the question card cannot go on ${name}'s board: ${error}`);
          const refused = boardWriteRefusal(room, [card], `the question card for ${name}`);
          if (refused) return refused;
          placements.push({ room, card });
        }
        for (const { room, card } of placements)
          room.change((records) => {
            records.set(card.id, card);
            records.lock([card.id]);
          });
        try {
          store.addQuestion(row);
        } catch (err) {
          // Not stored: take the cards back, so no board shows a question nobody can answer.
          for (const { room, card } of placements)
            room.change((records) => {
              records.unlock([card.id]);
              records.delete(card.id);
            });
          throw err;
        }
        return ok(row);
      },
    );
    if (!placed.ok) return placed;
    const question = this.toQuestion(placed.value);
    if (placed.value === row) this.emit('questionPosed', classId, question);
    return ok(question);
  }

  answer(classId: string, studentId: string, input: { questionId: string; text: string }): Result<Answer> {
    const { store, now } = this.deps;
    const question = store.getQuestion(input.questionId);
    const student = store.getStudent(studentId);
    const cls = store.getClass(classId);
    if (!question || question.classId !== classId || !student || !cls)
      return fail('not_found', 'no such question');
    const refused = refusalNow('student', 'questions.answer', cls);
    if (refused) return refused;
    if (question.groupId !== null && question.groupId !== student.groupId) {
      return fail('forbidden', 'this question was posed to another group');
    }
    const answeredBefore = store.answersOf(question.questionId).filter((a) => a.studentId === studentId);
    // The same words again (a double submit, a second tab, a replayed message) are the answer already kept:
    // stored and announced once, so the teacher's list and the participation counts hold each answer once.
    const replayed = answeredBefore.find((a) => a.text === input.text);
    if (replayed) return ok(toAnswer(replayed));
    const overLimit = answerLimitRefusal(answeredBefore.length);
    if (overLimit) return fail('conflict', overLimit);
    const row: AnswerRow = {
      answerId: randomId(9),
      questionId: question.questionId,
      studentId,
      text: input.text,
      createdAt: now(),
    };
    store.addAnswer(row);
    const answer = toAnswer(row);
    this.emit('answerPosted', classId, answer);
    return ok(answer);
  }

  list(classId: string): Question[] {
    return this.deps.store.questionsOf(classId).map((q) => this.toQuestion(q));
  }

  private toQuestion(q: QuestionRow): Question {
    return {
      questionId: q.questionId,
      groupId: q.groupId,
      text: q.text,
      anchorShapeId: q.anchorShapeId,
      createdAt: q.createdAt,
      answers: this.deps.store.answersOf(q.questionId).map(toAnswer),
    };
  }
}

const allRecords = (records: BoardRecords) => records.keys().map((k) => records.get(k));

/** Above every shape on the board, so no student's work covers the card's text or its answer box. */
const topIndex = (records: BoardRecords) => indexAboveAll(allRecords(records));

/**
 * In free space beside the anchor shape when it is on this board (overlapping no other shape), inside the
 * page; otherwise in a column left of the work, one per question. Always a finite point inside
 * ±MAX_PAGE_COORDINATE, whatever the anchor's coordinates (a stored board may hold a shape at 1e308).
 */
function cardPosition(records: BoardRecords, anchorShapeId: string | null): { x: number; y: number } {
  const existing = records.keys().filter((k) => k.startsWith('shape:question-')).length;
  const column = { x: CARD_COLUMN_X, y: existing * (QUESTION_CARD_SIZE.h + CARD_GAP) };
  const anchor = anchorShapeId ? shapeBox(records.get(anchorShapeId)) : null;
  if (!anchor) return placeInsidePage(column, QUESTION_CARD_SIZE, column);
  const obstacles = allRecords(records)
    .map(shapeBox)
    .filter((b): b is NonNullable<typeof b> => b !== null);
  const spot = freeSpotNear(anchor, QUESTION_CARD_SIZE, obstacles, CARD_GAP);
  return placeInsidePage(spot ?? column, QUESTION_CARD_SIZE, column);
}

function questionCard(question: QuestionRow, at: { x: number; y: number }, index: string) {
  return {
    id: questionCardId(question),
    typeName: 'shape' as const,
    type: QUESTION_CARD_TYPE,
    x: at.x,
    y: at.y,
    rotation: 0,
    index,
    parentId: BOARD_PAGE_ID,
    // tldraw's own lock keeps the editor from offering moves; the server's lock is what enforces it.
    isLocked: true,
    opacity: 1,
    meta: {},
    props: { ...QUESTION_CARD_SIZE, questionId: question.questionId, text: question.text },
  };
}
