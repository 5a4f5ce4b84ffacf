import { z } from 'zod';
import { lazySchema } from '../lazySchema.js';
import type { Capability } from '../domain/roles.js';
import { GroupRepresentationsSchema } from '../board/representationType.js';
import { TagSummarySchema } from '../domain/discourse/tagSummary.js';
import {
  AnswerItemBodySchema,
  AssignStudentBodySchema,
  ClassIdSchema,
  ClassStateSchema,
  ClassViewSchema,
  ContributionTagSchema,
  CorrectTagBodySchema,
  CreateClassBodySchema,
  CreatedClassSchema,
  CreateGroupBodySchema,
  DeleteGroupQuerySchema,
  DiagnosticRowSchema,
  DraftBoardSchema,
  GroupActivitySchema,
  GroupIdSchema,
  GroupingPreviewBodySchema,
  GroupingPreviewSchema,
  GroupingScoreSchema,
  GroupDrawSchema,
  GroupSchema,
  IdentitySchema,
  JoinClassBodySchema,
  JoinedClassSchema,
  PoseQuestionBodySchema,
  ProjectionSchema,
  PublishGroupsBodySchema,
  QuestionSchema,
  RemoveStudentBodySchema,
  RenameGroupBodySchema,
  ScoreGroupsBodySchema,
  SetDiagnosticBodySchema,
  SetProjectionBodySchema,
  SetSpotlightBodySchema,
  SetTemplateBodySchema,
  StudentDiagnosticSchema,
  StudentDraftSchema,
  StudentIdSchema,
  TeacherSessionBodySchema,
  CoachLinkStateSchema,
  TemplateSchema,
  UpdateClassBodySchema,
} from './classroom.js';
import { HandsSchema, type EventBudget } from './events.js';
import {
  AnticipationIdSchema,
  AnticipationInputSchema,
  AnticipationSchema,
  MonitoringStateSchema,
  SetVerdictBodySchema,
} from '../domain/anticipation/schema.js';
import { GroupAlertSchema } from '../domain/anticipation/alerts.js';
import { AssetIdSchema, BoardIdSchema } from './ids.js';
import {
  SnapshotIdSchema,
  SnapshotSchema,
  SnapshotSummarySchema,
  TakeSnapshotBodySchema,
} from './snapshots.js';
import { DiscussionPlanSchema, PlanInputSchema, PresentStepBodySchema } from '../domain/discussion/schema.js';
import { FollowViewSchema, SetFollowBodySchema } from '../domain/discussion/follow.js';
import { ParticipationQuerySchema, ParticipationReportSchema } from '../domain/evidence/participation.js';
import {
  BoardReplaySchema,
  RestoreBoardBodySchema,
  RestoreBoardResultSchema,
} from '../domain/evidence/replay.js';
import { CSV_TABLE_NAMES } from '../export/csvTables.js';
import { TldrFileSchema, TldrImportResultSchema } from '../export/tldrFile.js';
import { ItemBankSchema } from '../domain/diagnostics/itemBank.js';
import { BoardAuthorshipSchema, BoardInfoSchema, ClientConfigSchema, CreateBoardBodySchema } from './rest.js';
import { RetentionSchema } from './classExport.js';
import {
  MyWorkSchema,
  ReflectionInputSchema,
  ReflectionSchema,
  TaggedReflectionSchema,
} from './reflections.js';

/**
 * The REST contract as data: every route under `/api` with its method, path, body, query and answer schemas,
 * its success status, and who may call it. One server adapter mounts these (parse → authorize with `can()` →
 * call → reply) and one client is typed by them, so the route list is written once; docs/api.md is checked
 * against it by a test.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route. The adapter answers every refusal (401 with the reason, 403, 404) itself. */
export type RouteAccess =
  /** Anyone (rate limits aside). */
  | { kind: 'public' }
  /** Any valid credential (a bearer token; the teacher's cookie names its class in the path). */
  | { kind: 'session' }
  /** Any member of the class in the path: its teacher, students, projector or a coach. */
  | { kind: 'member' }
  /** A member of the class in the path whose role has this capability. */
  | { kind: 'class'; capability: Capability }
  /** Whoever may open the board in the path (read-only is enough); a board outside any class: anyone. */
  | { kind: 'board' }
  /** The handler decides (a secret traded for a session). */
  | { kind: 'handler' };

export interface RouteSpec {
  method: HttpMethod;
  /** Under `/api`; `:name` segments are path parameters, each parsed with `PATH_PARAMS[name]`. */
  path: string;
  body?: z.ZodType;
  query?: z.ZodType;
  /** The answer's schema (JSON), or null for routes that answer 204 or a non-JSON body. */
  response: z.ZodType | null;
  status: 200 | 201 | 204;
  access: RouteAccess;
  /** Largest JSON body accepted (express's notation). */
  bodyLimit?: string;
  /**
   * How often one caller may call the route (a token bucket, one per route): a student over all their
   * sessions, any other session on its own, a caller with no valid credential by its address (with
   * ADDRESS_BUDGET_FACTOR times the room). Over budget the server answers 429 with Retry-After, unread.
   */
  budget: EventBudget;
}

/**
 * Route budgets by what a call costs the server. Sized so that honest use never meets them — a teacher
 * downloading every export in a row, a dashboard fetching again after each burst of class events, a class
 * answering the diagnostic — while a loop is held to a person's pace at once.
 */
export const ROUTE_BUDGETS = {
  /** A read of what the server holds: pages fetch several at once, and again after every reconnect. */
  read: { perSecond: 10, burst: 100 },
  /** A command or a small write: a teacher dragging a class into groups, clicking through verdicts. */
  write: { perSecond: 5, burst: 50 },
  /** A file made from the class's records (CSV, SVG, replay), a grouping computed, work a student saves. */
  computed: { perSecond: 2, burst: 30 },
  /** A PDF or ZIP (up to seconds of CPU each), a whole class's data, a board file written in: never a loop. */
  heavy: { perSecond: 1 / 15, burst: 10 },
} as const satisfies Record<string, EventBudget>;
const budgets = ROUTE_BUDGETS;

/**
 * A caller with no valid credential is counted by its address, and a whole school can share one (NAT): it
 * gets this many times a route's budget. (Only public routes, the secret-for-session trades and boards
 * outside any class are reached without a credential; everything else refuses such a caller anyway.)
 */
export const ADDRESS_BUDGET_FACTOR = 50;

/** Path parameters and their schemas: an id that does not parse is answered 404 like an unknown one. */
export const PATH_PARAMS = {
  classId: ClassIdSchema,
  groupId: GroupIdSchema,
  studentId: StudentIdSchema,
  boardId: BoardIdSchema,
  assetId: AssetIdSchema,
  contributionId: z.string().min(1).max(128),
  anticipationId: AnticipationIdSchema,
  snapshotId: SnapshotIdSchema,
  csvTable: z.enum(CSV_TABLE_NAMES),
} as const;
type ParamName = keyof typeof PATH_PARAMS;

/** `'/classes/:classId/groups/:groupId'` → `{ classId: string; groupId: string }`. */
export type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name & ParamName]: string } & PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? { [K in Name & ParamName]: string }
    : Record<never, never>;

const route = <const R extends RouteSpec>(spec: R): R => spec;
const needs = (capability: Capability) => ({ kind: 'class', capability }) as const;

export const routes = {
  health: route({
    method: 'GET',
    path: '/health',
    response: lazySchema(() => z.object({ ok: z.literal(true) })),
    status: 200,
    access: { kind: 'public' },
    budget: budgets.read,
  }),
  config: route({
    method: 'GET',
    path: '/config',
    response: ClientConfigSchema,
    status: 200,
    access: { kind: 'public' },
    budget: budgets.read,
  }),
  createBoard: route({
    method: 'POST',
    path: '/boards',
    body: CreateBoardBodySchema,
    response: BoardInfoSchema,
    status: 201,
    access: { kind: 'public' },
    budget: budgets.write,
  }),
  /** A group's board is titled with the group's name: only those who may open the board are told it. */
  getBoard: route({
    method: 'GET',
    path: '/boards/:boardId',
    response: BoardInfoSchema,
    status: 200,
    access: { kind: 'board' },
    budget: budgets.read,
  }),
  boardAuthorship: route({
    method: 'GET',
    path: '/boards/:boardId/authorship',
    response: BoardAuthorshipSchema,
    status: 200,
    access: { kind: 'board' },
    budget: budgets.read,
  }),
  boardTags: route({
    method: 'GET',
    path: '/boards/:boardId/tags',
    response: lazySchema(() => z.array(ContributionTagSchema)),
    status: 200,
    access: { kind: 'board' },
    budget: budgets.read,
  }),

  createClass: route({
    method: 'POST',
    path: '/classes',
    body: CreateClassBodySchema,
    response: CreatedClassSchema,
    status: 201,
    access: { kind: 'public' },
    budget: budgets.write,
  }),
  startTeacherSession: route({
    method: 'POST',
    path: '/classes/:classId/teacher-session',
    body: TeacherSessionBodySchema,
    response: lazySchema(() => z.object({ classId: ClassIdSchema })),
    status: 200,
    access: { kind: 'handler' },
    budget: budgets.write,
  }),
  startProjectorSession: route({
    method: 'POST',
    path: '/classes/:classId/projector-session',
    body: TeacherSessionBodySchema,
    response: lazySchema(() => z.object({ token: z.string() })),
    status: 200,
    access: { kind: 'handler' },
    budget: budgets.write,
  }),
  join: route({
    method: 'POST',
    path: '/join',
    body: JoinClassBodySchema,
    response: JoinedClassSchema,
    status: 200,
    access: { kind: 'public' },
    budget: budgets.write,
  }),
  me: route({
    method: 'GET',
    path: '/me',
    response: IdentitySchema,
    status: 200,
    access: { kind: 'session' },
    budget: budgets.read,
  }),
  classState: route({
    method: 'GET',
    path: '/classes/:classId',
    response: ClassStateSchema,
    status: 200,
    access: needs('roster.view'),
    budget: budgets.read,
  }),
  updateClass: route({
    method: 'PATCH',
    path: '/classes/:classId',
    body: UpdateClassBodySchema,
    response: ClassStateSchema,
    status: 200,
    // Pausing alone needs `class.pause`; anything else `class.manage` (checked by the handler).
    access: needs('class.pause'),
    budget: budgets.write,
  }),
  deleteClass: route({
    method: 'DELETE',
    path: '/classes/:classId',
    response: null,
    status: 204,
    access: needs('class.manage'),
    budget: budgets.write,
  }),
  classRetention: route({
    method: 'GET',
    path: '/classes/:classId/retention',
    response: RetentionSchema,
    status: 200,
    access: needs('class.manage'),
    budget: budgets.read,
  }),
  /** Everything the server holds about the class as one JSON download (`ClassExport`). */
  exportClass: route({
    method: 'GET',
    path: '/classes/:classId/export',
    response: null,
    status: 200,
    access: needs('class.manage'),
    budget: budgets.heavy,
  }),
  /** A coach's link (`/coach/:classId#key=…`) traded for a read-only evidence session (a bearer token). */
  startCoachSession: route({
    method: 'POST',
    path: '/classes/:classId/coach-session',
    body: TeacherSessionBodySchema,
    response: lazySchema(() => z.object({ token: z.string() })),
    status: 200,
    access: { kind: 'handler' },
    budget: budgets.write,
  }),
  /** Whether the class has a coach link on (its secret is shown once, when made). */
  coachLink: route({
    method: 'GET',
    path: '/classes/:classId/coach-key',
    response: CoachLinkStateSchema,
    status: 200,
    access: needs('class.manage'),
    budget: budgets.read,
  }),
  /** A new coach link: the one before it and every session made from it stop working. */
  createCoachLink: route({
    method: 'POST',
    path: '/classes/:classId/coach-key',
    response: lazySchema(() => z.object({ coachLink: z.string() })),
    status: 200,
    access: needs('class.manage'),
    budget: budgets.write,
  }),
  /** Turns the coach link off: it and every session made from it stop working. */
  revokeCoachLink: route({
    method: 'DELETE',
    path: '/classes/:classId/coach-key',
    response: null,
    status: 204,
    access: needs('class.manage'),
    budget: budgets.write,
  }),
  rotateProjectorKey: route({
    method: 'POST',
    path: '/classes/:classId/projector-key',
    response: lazySchema(() => z.object({ projectorLink: z.string() })),
    status: 200,
    access: needs('class.manage'),
    budget: budgets.write,
  }),
  createGroup: route({
    method: 'POST',
    path: '/classes/:classId/groups',
    body: CreateGroupBodySchema,
    response: GroupSchema,
    status: 201,
    access: needs('groups.manage'),
    budget: budgets.write,
  }),
  renameGroup: route({
    method: 'PATCH',
    path: '/classes/:classId/groups/:groupId',
    body: RenameGroupBodySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
    budget: budgets.write,
  }),
  deleteGroup: route({
    method: 'DELETE',
    path: '/classes/:classId/groups/:groupId',
    query: DeleteGroupQuerySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
    budget: budgets.write,
  }),
  assignStudent: route({
    method: 'PUT',
    path: '/classes/:classId/students/:studentId/group',
    body: AssignStudentBodySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
    budget: budgets.write,
  }),
  removeStudent: route({
    method: 'DELETE',
    path: '/classes/:classId/students/:studentId',
    body: RemoveStudentBodySchema,
    response: lazySchema(() => z.object({ removedRecords: z.number().int() })),
    status: 200,
    access: needs('students.remove'),
    budget: budgets.write,
  }),
  poseQuestion: route({
    method: 'POST',
    path: '/classes/:classId/questions',
    body: PoseQuestionBodySchema,
    response: QuestionSchema,
    status: 201,
    access: needs('questions.pose'),
    budget: budgets.write,
  }),
  listQuestions: route({
    method: 'GET',
    path: '/classes/:classId/questions',
    response: lazySchema(() => z.array(QuestionSchema)),
    status: 200,
    access: needs('roster.view'),
    budget: budgets.read,
  }),
  setProjection: route({
    method: 'PUT',
    path: '/classes/:classId/projection',
    body: SetProjectionBodySchema,
    response: ProjectionSchema,
    status: 200,
    access: needs('projector.control'),
    budget: budgets.write,
  }),
  setSpotlight: route({
    method: 'PUT',
    path: '/classes/:classId/projection/spotlight',
    body: SetSpotlightBodySchema,
    response: ProjectionSchema,
    status: 200,
    access: needs('projector.control'),
    budget: budgets.write,
  }),
  classView: route({
    method: 'GET',
    path: '/classes/:classId/view',
    response: ClassViewSchema,
    status: 200,
    access: { kind: 'member' },
    budget: budgets.read,
  }),
  groupActivity: route({
    method: 'GET',
    path: '/classes/:classId/activity',
    response: lazySchema(() => z.array(GroupActivitySchema)),
    status: 200,
    access: needs('roster.view'),
    budget: budgets.read,
  }),
  hands: route({
    method: 'GET',
    path: '/classes/:classId/hands',
    response: HandsSchema,
    status: 200,
    access: needs('roster.view'),
    budget: budgets.read,
  }),
  representations: route({
    method: 'GET',
    path: '/classes/:classId/representations',
    response: GroupRepresentationsSchema,
    status: 200,
    access: needs('roster.view'),
    budget: budgets.read,
  }),
  setTemplate: route({
    method: 'PUT',
    path: '/classes/:classId/template',
    body: SetTemplateBodySchema,
    response: lazySchema(() => z.object({ records: z.number().int() })),
    status: 200,
    access: needs('class.manage'),
    bodyLimit: '512kb',
    budget: budgets.computed,
  }),
  getTemplate: route({
    method: 'GET',
    path: '/classes/:classId/template',
    response: TemplateSchema,
    status: 200,
    access: needs('class.manage'),
    budget: budgets.read,
  }),
  openDraft: route({
    method: 'POST',
    path: '/classes/:classId/draft',
    response: DraftBoardSchema,
    status: 200,
    access: needs('boards.writeOwnGroup'),
    budget: budgets.write,
  }),
  studentDraft: route({
    method: 'GET',
    path: '/classes/:classId/students/:studentId/draft',
    response: StudentDraftSchema,
    status: 200,
    access: needs('roster.view'),
    budget: budgets.read,
  }),

  classTags: route({
    method: 'GET',
    path: '/classes/:classId/tags',
    response: lazySchema(() => z.array(ContributionTagSchema)),
    status: 200,
    access: needs('tags.viewAll'),
    budget: budgets.read,
  }),
  tagSummary: route({
    method: 'GET',
    path: '/classes/:classId/tags/summary',
    response: TagSummarySchema,
    status: 200,
    access: needs('tags.viewAll'),
    budget: budgets.read,
  }),
  /** JSON lines (`application/x-ndjson`), a download. */
  tagCorrections: route({
    method: 'GET',
    path: '/classes/:classId/tags/corrections.jsonl',
    response: null,
    status: 200,
    access: needs('tags.viewAll'),
    budget: budgets.computed,
  }),
  correctTag: route({
    method: 'PUT',
    path: '/classes/:classId/tags/:contributionId',
    body: CorrectTagBodySchema,
    response: ContributionTagSchema,
    status: 200,
    access: needs('tags.correct'),
    bodyLimit: '8kb',
    budget: budgets.write,
  }),

  setDiagnostic: route({
    method: 'PUT',
    path: '/classes/:classId/diagnostic',
    body: SetDiagnosticBodySchema,
    response: lazySchema(() => z.object({ items: z.number().int() }).nullable()),
    status: 200,
    access: needs('diagnostic.manage'),
    bodyLimit: '512kb',
    budget: budgets.computed,
  }),
  studentDiagnostic: route({
    method: 'GET',
    path: '/classes/:classId/diagnostic',
    response: StudentDiagnosticSchema,
    status: 200,
    access: needs('diagnostic.take'),
    budget: budgets.read,
  }),
  answerDiagnostic: route({
    method: 'PUT',
    path: '/classes/:classId/diagnostic/responses',
    body: AnswerItemBodySchema,
    response: StudentDiagnosticSchema,
    status: 200,
    access: needs('diagnostic.take'),
    budget: budgets.computed,
  }),
  /** The item bank the class uses (ours or the teacher's), to edit in the form; null: none chosen or skipped. */
  diagnosticBank: route({
    method: 'GET',
    path: '/classes/:classId/diagnostic/bank',
    response: lazySchema(() => ItemBankSchema.nullable()),
    status: 200,
    access: needs('diagnostic.manage'),
    budget: budgets.read,
  }),
  diagnosticProfiles: route({
    method: 'GET',
    path: '/classes/:classId/diagnostic/profiles',
    response: lazySchema(() => z.array(DiagnosticRowSchema)),
    status: 200,
    access: needs('diagnostic.manage'),
    budget: budgets.read,
  }),
  previewGrouping: route({
    method: 'POST',
    path: '/classes/:classId/grouping/preview',
    body: GroupingPreviewBodySchema,
    response: GroupingPreviewSchema,
    status: 200,
    access: needs('diagnostic.manage'),
    budget: budgets.computed,
  }),
  scoreGrouping: route({
    method: 'POST',
    path: '/classes/:classId/grouping/score',
    body: ScoreGroupsBodySchema,
    response: GroupingScoreSchema,
    status: 200,
    access: needs('diagnostic.manage'),
    budget: budgets.computed,
  }),
  publishGrouping: route({
    method: 'POST',
    path: '/classes/:classId/grouping/publish',
    body: PublishGroupsBodySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
    budget: budgets.write,
  }),
  groupDraw: route({
    method: 'GET',
    path: '/classes/:classId/grouping/draw',
    response: GroupDrawSchema,
    status: 200,
    access: { kind: 'member' },
    budget: budgets.read,
  }),

  listAnticipations: route({
    method: 'GET',
    path: '/classes/:classId/anticipations',
    response: lazySchema(() => z.array(AnticipationSchema)),
    status: 200,
    access: needs('anticipations.manage'),
    budget: budgets.read,
  }),
  addAnticipation: route({
    method: 'POST',
    path: '/classes/:classId/anticipations',
    body: AnticipationInputSchema,
    response: AnticipationSchema,
    status: 201,
    access: needs('anticipations.manage'),
    bodyLimit: '32kb',
    budget: budgets.write,
  }),
  replaceAnticipation: route({
    method: 'PUT',
    path: '/classes/:classId/anticipations/:anticipationId',
    body: AnticipationInputSchema,
    response: AnticipationSchema,
    status: 200,
    access: needs('anticipations.manage'),
    bodyLimit: '32kb',
    budget: budgets.write,
  }),
  deleteAnticipation: route({
    method: 'DELETE',
    path: '/classes/:classId/anticipations/:anticipationId',
    response: null,
    status: 204,
    access: needs('anticipations.manage'),
    budget: budgets.write,
  }),
  monitoring: route({
    method: 'GET',
    path: '/classes/:classId/monitoring',
    response: MonitoringStateSchema,
    status: 200,
    access: needs('monitoring.view'),
    budget: budgets.read,
  }),
  setMatchVerdict: route({
    method: 'PUT',
    path: '/classes/:classId/monitoring/:groupId/:anticipationId',
    body: SetVerdictBodySchema,
    response: MonitoringStateSchema,
    status: 200,
    access: needs('monitoring.view'),
    bodyLimit: '1kb',
    budget: budgets.write,
  }),
  /** JSON lines (`application/x-ndjson`), a download: the teacher's verdicts as labelled data. */
  matchLabels: route({
    method: 'GET',
    path: '/classes/:classId/monitoring/labels.jsonl',
    response: null,
    status: 200,
    access: needs('monitoring.view'),
    budget: budgets.computed,
  }),
  alerts: route({
    method: 'GET',
    path: '/classes/:classId/alerts',
    response: lazySchema(() => z.array(GroupAlertSchema)),
    status: 200,
    access: needs('monitoring.view'),
    budget: budgets.read,
  }),

  takeSnapshot: route({
    method: 'POST',
    path: '/classes/:classId/snapshots',
    body: TakeSnapshotBodySchema,
    response: SnapshotSchema,
    status: 201,
    access: needs('snapshots.take'),
    budget: budgets.computed,
  }),
  listSnapshots: route({
    method: 'GET',
    path: '/classes/:classId/snapshots',
    response: lazySchema(() => z.array(SnapshotSummarySchema)),
    status: 200,
    access: needs('snapshots.view'),
    budget: budgets.read,
  }),
  getSnapshot: route({
    method: 'GET',
    path: '/classes/:classId/snapshots/:snapshotId',
    response: SnapshotSchema,
    status: 200,
    access: needs('snapshots.view'),
    budget: budgets.read,
  }),
  /** `image/svg+xml`: the snapshot drawn from its records when it was taken, stored with it. */
  snapshotImage: route({
    method: 'GET',
    path: '/classes/:classId/snapshots/:snapshotId/image.svg',
    response: null,
    status: 200,
    access: needs('snapshots.view'),
    budget: budgets.computed,
  }),

  getDiscussionPlan: route({
    method: 'GET',
    path: '/classes/:classId/discussion',
    response: DiscussionPlanSchema,
    status: 200,
    access: needs('discussion.view'),
    budget: budgets.read,
  }),
  putDiscussionPlan: route({
    method: 'PUT',
    path: '/classes/:classId/discussion',
    body: PlanInputSchema,
    response: DiscussionPlanSchema,
    status: 200,
    access: needs('discussion.plan'),
    bodyLimit: '64kb',
    budget: budgets.write,
  }),
  presentDiscussionStep: route({
    method: 'PUT',
    path: '/classes/:classId/discussion/presenting',
    body: PresentStepBodySchema,
    response: DiscussionPlanSchema,
    status: 200,
    access: needs('discussion.present'),
    budget: budgets.write,
  }),
  /** What a following student's screen shows (null `shown`: their own board); read again on every reconnect. */
  getFollow: route({
    method: 'GET',
    path: '/classes/:classId/follow',
    response: FollowViewSchema,
    status: 200,
    access: { kind: 'member' },
    budget: budgets.read,
  }),
  setFollow: route({
    method: 'PUT',
    path: '/classes/:classId/follow',
    body: SetFollowBodySchema,
    response: FollowViewSchema,
    status: 200,
    access: needs('discussion.follow'),
    bodyLimit: '1kb',
    budget: budgets.write,
  }),

  participation: route({
    method: 'GET',
    path: '/classes/:classId/participation',
    query: ParticipationQuerySchema,
    response: ParticipationReportSchema,
    status: 200,
    access: needs('evidence.view'),
    budget: budgets.computed,
  }),
  groupReplay: route({
    method: 'GET',
    path: '/classes/:classId/groups/:groupId/replay',
    response: BoardReplaySchema,
    status: 200,
    access: needs('evidence.view'),
    budget: budgets.computed,
  }),
  /**
   * The group's board put back as it was after the replay's first `position` steps, written by the server as
   * one change: what was deleted or changed since comes back, what was added since goes (and stays in the
   * replay). The server's own records and users' records are left as they are.
   */
  restoreGroupBoard: route({
    method: 'POST',
    path: '/classes/:classId/groups/:groupId/restore',
    body: RestoreBoardBodySchema,
    response: RestoreBoardResultSchema,
    status: 200,
    access: needs('boards.restore'),
    bodyLimit: '1kb',
    budget: budgets.computed,
  }),
  myReflection: route({
    method: 'GET',
    path: '/classes/:classId/reflections/mine',
    response: lazySchema(() => ReflectionSchema.nullable()),
    status: 200,
    access: needs('reflection.write'),
    budget: budgets.read,
  }),
  putMyReflection: route({
    method: 'PUT',
    path: '/classes/:classId/reflections/mine',
    body: ReflectionInputSchema,
    response: ReflectionSchema,
    status: 200,
    access: needs('reflection.write'),
    budget: budgets.computed,
  }),
  listReflections: route({
    method: 'GET',
    path: '/classes/:classId/reflections',
    response: lazySchema(() => z.array(TaggedReflectionSchema)),
    status: 200,
    access: needs('reflections.view'),
    budget: budgets.read,
  }),
  myWork: route({
    method: 'GET',
    path: '/classes/:classId/my-work',
    response: MyWorkSchema,
    status: 200,
    access: needs('reflection.write'),
    budget: budgets.computed,
  }),

  // Exports (downloads: `response: null`, the body is the file, with a Content-Disposition naming it).
  /** A portable board: tldraw's `.tldr` file of every record of the board, our math shapes included. */
  exportBoardFile: route({
    method: 'GET',
    path: '/boards/:boardId/board.tldr',
    response: null,
    status: 200,
    access: { kind: 'board' },
    budget: budgets.computed,
  }),
  /** The board drawn from its records as SVG (the browser makes a PNG of it). */
  exportBoardSvg: route({
    method: 'GET',
    path: '/boards/:boardId/board.svg',
    response: null,
    status: 200,
    access: { kind: 'board' },
    budget: budgets.computed,
  }),
  /** A `.tldr` file's records written into the board, by the board's write policy (the handler checks write). */
  importBoardFile: route({
    method: 'POST',
    path: '/boards/:boardId/board.tldr',
    body: TldrFileSchema,
    response: TldrImportResultSchema,
    status: 200,
    access: { kind: 'board' },
    bodyLimit: '8mb',
    budget: budgets.heavy,
  }),
  /** One of the class's CSV tables (`CSV_TABLES` in shared). */
  exportCsv: route({
    method: 'GET',
    path: '/classes/:classId/exports/:csvTable',
    response: null,
    status: 200,
    access: needs('evidence.export'),
    budget: budgets.computed,
  }),
  /** Every group board (or the one `groupId` names), one page each. */
  exportBoardsPdf: route({
    method: 'GET',
    path: '/classes/:classId/boards.pdf',
    query: lazySchema(() => z.object({ groupId: GroupIdSchema.optional() }).strict()),
    response: null,
    status: 200,
    access: needs('evidence.export'),
    budget: budgets.heavy,
  }),
  /** The discussion plan as slides: a page per step with its snapshot and question. */
  exportDiscussionPdf: route({
    method: 'GET',
    path: '/classes/:classId/discussion.pdf',
    response: null,
    status: 200,
    access: needs('discussion.view'),
    budget: budgets.heavy,
  }),
  /** The lesson's evidence pack for people. */
  evidencePdf: route({
    method: 'GET',
    path: '/classes/:classId/evidence.pdf',
    response: null,
    status: 200,
    access: needs('evidence.export'),
    budget: budgets.heavy,
  }),
  /** The lesson's evidence pack for tools: the CSV tables and JSON. */
  evidenceZip: route({
    method: 'GET',
    path: '/classes/:classId/evidence.zip',
    response: null,
    status: 200,
    access: needs('evidence.export'),
    budget: budgets.heavy,
  }),
} as const satisfies Record<string, RouteSpec>;

export type Routes = typeof routes;
export type RouteName = keyof Routes;

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;
/** What a caller sends to a route: its path parameters, query and body, each only where the route has one. */
export type RouteInput<R extends RouteSpec> = (keyof PathParams<R['path']> extends never
  ? { params?: undefined }
  : { params: PathParams<R['path']> }) &
  (R['query'] extends z.ZodType ? { query?: z.input<R['query']> } : { query?: undefined }) &
  (R['body'] extends z.ZodType ? { body: z.input<R['body']> } : { body?: undefined });
/** What a route answers on success (undefined for a 204 or a non-JSON body). */
export type RouteOutput<R extends RouteSpec> = Infer<R['response']>;

/** The concrete URL path (without `/api`) of a route for these parameters. */
export function routePath(spec: RouteSpec, params: Record<string, string> = {}): string {
  return spec.path.replace(/:([A-Za-z]+)/g, (_m, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${spec.path}`);
    return encodeURIComponent(value);
  });
}
