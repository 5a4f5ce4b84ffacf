import { z } from 'zod';
import { BoardIdSchema } from './ids.js';
import type { Answer, ClassView, ContributionTag, GroupActivity, Question } from './classroom.js';
import { AnswerQuestionSchema, AnswerSchema, GroupSchema, StudentIdSchema } from './classroom.js';
import type { Result } from './result.js';
import type { Reflection } from './reflections.js';
import type { MonitoringState } from '../domain/anticipation/schema.js';
import type { DiscussionPlan } from '../domain/discussion/schema.js';
import type { UndoneChange } from '../domain/lesson/attention.js';
import type { FollowView } from '../domain/discussion/follow.js';
import { lazySchema } from '../lazySchema.js';
import { writtenText } from './readableText.js';

/**
 * socket.io contract. Each client→server event has a payload schema here; the typed event maps below are
 * derived from these schemas, and the server validates every payload against them in one helper
 * (types are not validation: a client can send anything).
 */

// The handshake: `io(url, { auth: HandshakeAuth })`.
export const HandshakeAuthSchema = lazySchema(() =>
  z.object({
    protocolVersion: z.number().int(),
    userId: z.string().max(64).optional(),
    /** A session token (student, projector); the teacher's httpOnly cookie is read for `classId` instead. */
    token: z.string().max(300).optional(),
    classId: z.string().max(64).optional(),
  }),
);
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

/** Base64 of `Y.encodeStateVector(doc)` on the server: what it has stored durably. */
export const StateVectorSchema = lazySchema(() => z.string().max(64 * 1024));

export const WatchBoardSchema = lazySchema(() => z.object({ boardId: BoardIdSchema }).strict());
export type WatchBoard = z.infer<typeof WatchBoardSchema>;

export const BoardStateVectorSchema = lazySchema(() =>
  z.object({ boardId: BoardIdSchema, stateVector: StateVectorSchema }),
);
export type BoardStateVector = z.infer<typeof BoardStateVectorSchema>;

export const RaiseHandSchema = lazySchema(() => z.object({ raised: z.boolean() }).strict());
export const ClearHandSchema = lazySchema(() => z.object({ studentId: StudentIdSchema }).strict());
export const HandsSchema = lazySchema(() =>
  z.object({ classId: z.string(), raised: z.array(StudentIdSchema) }),
);
export type Hands = z.infer<typeof HandsSchema>;

const StanceSchema = lazySchema(() => z.enum(['agree', 'disagree', 'question', 'build_on', 'revise']));
const CritiqueTextSchema = lazySchema(() => writtenText().min(1, 'write something').max(1000));
const ShapeIdSchema = lazySchema(() => z.string().regex(/^shape:[\w-]{1,64}$/, 'not a shape id'));
const ThreadIdSchema = lazySchema(() => z.string().regex(/^critique:[\w-]{1,64}$/, 'not a thread id'));
export const PostCritiqueSchema = lazySchema(() =>
  z
    .object({
      boardId: BoardIdSchema,
      shapeId: ShapeIdSchema,
      stance: StanceSchema,
      text: CritiqueTextSchema,
    })
    .strict(),
);
export const EditCritiqueSchema = lazySchema(() =>
  z
    .object({
      boardId: BoardIdSchema,
      threadId: ThreadIdSchema,
      replyId: z.string().max(64),
      stance: StanceSchema,
      text: CritiqueTextSchema,
    })
    .strict(),
);
export const DeleteCritiqueSchema = lazySchema(() =>
  z.object({ boardId: BoardIdSchema, threadId: ThreadIdSchema, replyId: z.string().max(64) }).strict(),
);
export const ResolveCritiqueSchema = lazySchema(() =>
  z.object({ boardId: BoardIdSchema, threadId: ThreadIdSchema, resolved: z.boolean() }).strict(),
);

/**
 * A token bucket for one event, the principal's (shared by all of a student's or a session's sockets):
 * `perSecond` sustained, `burst` at once. Over budget, the server answers `rate_limited` without running
 * the event; a socket that keeps going over is disconnected.
 */
export interface EventBudget {
  readonly perSecond: number;
  readonly burst: number;
}

/** A client→server event: its payload's schema, its acknowledgement's value on success, and its budget. */
export interface ClientEventSpec {
  payload: z.ZodType;
  ack: z.ZodType;
  budget: EventBudget;
}
const clientEvent = <const S extends ClientEventSpec>(spec: S): S => spec;
const Done = lazySchema(() => z.null());

/**
 * The socket.io contract from client to server, as data: the server validates every payload with its schema
 * and charges every event to its budget (in one helper; types are not validation), the typed event map below
 * is derived from it, and a handler's answer must match the ack type at compile time. Budgets are sized for a
 * person at a keyboard, with room for a page that re-sends on reconnect: a class's sockets never come near
 * them, a script does at once.
 */
export const clientEvents = {
  /** Subscribe to the server's durable state vector of a board; answered with the current one. */
  watchBoard: clientEvent({
    payload: WatchBoardSchema,
    ack: BoardStateVectorSchema,
    // Each open board subscribes once (and again after a reconnect).
    budget: { perSecond: 5, burst: 20 },
  }),
  unwatchBoard: clientEvent({ payload: WatchBoardSchema, ack: Done, budget: { perSecond: 5, burst: 20 } }),
  /** A student answers a question card on their board. */
  answerQuestion: clientEvent({
    payload: AnswerQuestionSchema,
    ack: AnswerSchema,
    budget: { perSecond: 0.5, burst: 5 },
  }),
  /** A student raises or lowers their hand. */
  raiseHand: clientEvent({ payload: RaiseHandSchema, ack: Done, budget: { perSecond: 1, burst: 5 } }),
  /** The teacher clears a raised hand (a whole class's hands in a row). */
  clearHand: clientEvent({ payload: ClearHandSchema, ack: Done, budget: { perSecond: 5, burst: 40 } }),
  // Critique threads: the server writes them, after checking who may. Each post, edit or resolve is written
  // into the board by the server: as dear as a board update.
  postCritique: clientEvent({
    payload: PostCritiqueSchema,
    ack: lazySchema(() => z.object({ threadId: z.string(), replyId: z.string() })),
    budget: { perSecond: 0.5, burst: 5 },
  }),
  editCritique: clientEvent({ payload: EditCritiqueSchema, ack: Done, budget: { perSecond: 0.5, burst: 5 } }),
  deleteCritique: clientEvent({
    payload: DeleteCritiqueSchema,
    ack: Done,
    budget: { perSecond: 1, burst: 10 },
  }),
  resolveCritique: clientEvent({
    payload: ResolveCritiqueSchema,
    ack: Done,
    budget: { perSecond: 1, burst: 10 },
  }),
} as const satisfies Record<string, ClientEventSpec>;

export type ClientEventName = keyof typeof clientEvents;
export type ClientEventPayload<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['payload']>;
export type ClientEventAck<E extends ClientEventName> = z.infer<(typeof clientEvents)[E]['ack']>;

const mapEvents = <T>(pick: (spec: ClientEventSpec) => T) =>
  Object.fromEntries(Object.entries(clientEvents).map(([name, spec]) => [name, pick(spec)])) as Record<
    ClientEventName,
    T
  >;
/** Each event's payload schema, by name. */
export const clientEventSchemas = mapEvents((spec) => spec.payload) as {
  [E in ClientEventName]: (typeof clientEvents)[E]['payload'];
};
/** Each event's budget, by name. */
export const clientEventBudgets: Record<ClientEventName, EventBudget> = mapEvents((spec) => spec.budget);

/**
 * Refusals a principal's sockets may collect before the next one over budget is disconnected: a client that
 * backs off on `rate_limited` never gets near this; one that ignores it is cut off instead of costing a
 * refusal per message for ever.
 */
export const RATE_LIMIT_STRIKES: EventBudget = { perSecond: 1, burst: 20 };

type Ack<T> = (result: Result<T>) => void;

/** socket.io's typed map, derived from `clientEvents`. */
export type ClientToServerEvents = {
  [E in ClientEventName]: (payload: ClientEventPayload<E>, ack: Ack<ClientEventAck<E>>) => void;
};

/** The teacher's pause and the class's end, each as it is: students' boards are read-only while either holds. */
export const ClassPausedSchema = lazySchema(() =>
  z.object({ classId: z.string(), paused: z.boolean(), ended: z.boolean() }),
);
export type ClassPaused = z.infer<typeof ClassPausedSchema>;
export const GraphPaperChangedSchema = lazySchema(() =>
  z.object({ classId: z.string(), graphPaper: z.boolean() }),
);
export type GraphPaperChanged = z.infer<typeof GraphPaperChangedSchema>;
export const TaskPromptChangedSchema = lazySchema(() =>
  z.object({ classId: z.string(), taskPrompt: z.string() }),
);
export type TaskPromptChanged = z.infer<typeof TaskPromptChangedSchema>;
export const GroupAssignedSchema = lazySchema(() =>
  z.object({
    group: GroupSchema.nullable(),
    /** Set when the move is because the student's group was deleted: its board is gone, so browsers drop their copy. */
    deletedBoardId: BoardIdSchema.optional(),
  }),
);
export type GroupAssigned = z.infer<typeof GroupAssignedSchema>;
export const GroupsPublishedSchema = lazySchema(() =>
  z.object({
    classId: z.string(),
    /** When the groups were a random draw published as drawn; null: they were not (no draw to show now). */
    drawnAt: z.number().nullable(),
  }),
);
export type GroupsPublished = z.infer<typeof GroupsPublishedSchema>;

export interface ServerToClientEvents {
  /** The server stored (durably) updates up to this state vector: local changes it covers are confirmed. */
  boardStateVector: (payload: BoardStateVector) => void;
  /** The class was paused, resumed, ended or reopened (students' boards are read-only on the server then). */
  classPaused: (payload: ClassPaused) => void;
  /** To the class: the teacher switched the graph-paper background on or off. */
  graphPaperChanged: (payload: GraphPaperChanged) => void;
  /** To the class: the teacher edited the task (every group board's task card is rewritten too). */
  taskPromptChanged: (payload: TaskPromptChanged) => void;
  /** To the class: the teacher opened or closed the end-of-lesson reflection. */
  reflectionChanged: (payload: { classId: string; open: boolean }) => void;
  /** To the class: what its members may see changed (names anonymized or not): fetch the view again. */
  classViewChanged: (payload: { classId: string }) => void;
  /** To the class: the teacher chose, replaced or skipped the diagnostic (fetch it again). */
  diagnosticChanged: (payload: { classId: string }) => void;
  /**
   * To the class, after the students' `groupAssigned`: the teacher published groups. With `drawnAt`, they
   * were drawn at random and published as drawn: fetch `GET …/grouping/draw` to show them as such. To the
   * projector alone, again with the same `drawnAt`, when a late arrival is placed into that draw.
   */
  groupsPublished: (payload: GroupsPublished) => void;
  /** The student was moved to another group (or out of every group): open that group's board. */
  groupAssigned: (payload: GroupAssigned) => void;
  /** The teacher removed this student; the session is revoked and the connection closes after this. */
  removedFromClass: (payload: { classId: string }) => void;
  /** The class and all its data were deleted: clear every local copy (IndexedDB) of its boards. */
  classDeleted: (payload: { classId: string; boardIds: string[] }) => void;
  /** To the teacher: a question was posed (also placed on the boards as a locked card). */
  questionPosed: (payload: { question: Question }) => void;
  /** To the teacher: a student saved their reflection. */
  reflectionSaved: (payload: { reflection: Reflection }) => void;
  /** To the teacher: a student answered. */
  answerPosted: (payload: { answer: Answer }) => void;
  /** To the class: the raised hands (students see whether the teacher cleared theirs). */
  handsChanged: (payload: Hands) => void;
  /** To the teacher: students joined, left or moved, or groups changed: fetch the class state again. */
  rosterChanged: (payload: { classId: string }) => void;
  /** To the teacher and the projector: what is projected, with names as that viewer may see them. */
  projectionChanged: (payload: ClassView) => void;
  /** To the teacher: who is online. */
  presenceChanged: (payload: { classId: string; online: string[] }) => void;
  /**
   * To the teacher: the server undid a student's bulk change to the group's board — deleting or emptying
   * more of their classmates' work than a student may at once (a wipe: `count` records came back), or adding
   * more than a student may (a flood: `count` records taken back).
   */
  wipeUndone: (payload: {
    classId: string;
    boardId: string;
    studentId: string;
    count: number;
    undone: UndoneChange;
    at: number;
  }) => void;
  /** To the teacher (at most once a second): each group's last activity and silent members. */
  activityChanged: (payload: { classId: string; groups: GroupActivity[] }) => void;
  /** To the teacher: a student's progress through the diagnostic. */
  diagnosticProgress: (payload: {
    classId: string;
    studentId: string;
    answered: number;
    total: number;
  }) => void;
  /** To the teacher and the board's watchers: a contribution was tagged (or its tag corrected). */
  contributionTagged: (payload: { tag: ContributionTag }) => void;
  /** To the teacher and the board's watchers: a contribution's words were taken back (a deleted reply). */
  contributionUntagged: (payload: { classId: string; contributionId: string }) => void;
  /**
   * To the teacher: the monitoring chart (groups × anticipations, evidence, verdicts, flagged misconceptions),
   * after a group board was matched again or anticipations or verdicts changed. Budget: at most one per class
   * every MONITORING_EVENT_MIN_INTERVAL_MS (the server throttles it; boards are matched after a debounce).
   */
  monitoringChanged: (payload: MonitoringState) => void;
  /**
   * To the teacher and the projector: the discussion plan changed or the presented step moved (`presenting`,
   * null when the projector is back to live boards). The projector's copy carries no rationale notes.
   */
  discussionChanged: (payload: DiscussionPlan) => void;
  /**
   * To the class: what following students are shown changed ("bring everyone to me", the presented step moved,
   * or released: `shown` null). Read again with `GET /classes/:classId/follow` on every (re)connect.
   */
  followChanged: (payload: FollowView) => void;
}

/** The server sends `monitoringChanged` to a class's teacher at most this often. */
export const MONITORING_EVENT_MIN_INTERVAL_MS = 1000;

// Compile-time check: every client event has a schema and vice versa.
type _SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : never) : never;
export const _eventSchemasCoverEvents: _SameKeys<ClientToServerEvents, typeof clientEventSchemas> = true;
