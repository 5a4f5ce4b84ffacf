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
import { HandsSchema } from './events.js';
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
}

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
  }),
  config: route({
    method: 'GET',
    path: '/config',
    response: ClientConfigSchema,
    status: 200,
    access: { kind: 'public' },
  }),
  createBoard: route({
    method: 'POST',
    path: '/boards',
    body: CreateBoardBodySchema,
    response: BoardInfoSchema,
    status: 201,
    access: { kind: 'public' },
  }),
  getBoard: route({
    method: 'GET',
    path: '/boards/:boardId',
    response: BoardInfoSchema,
    status: 200,
    access: { kind: 'public' },
  }),
  boardAuthorship: route({
    method: 'GET',
    path: '/boards/:boardId/authorship',
    response: BoardAuthorshipSchema,
    status: 200,
    access: { kind: 'board' },
  }),
  boardTags: route({
    method: 'GET',
    path: '/boards/:boardId/tags',
    response: lazySchema(() => z.array(ContributionTagSchema)),
    status: 200,
    access: { kind: 'board' },
  }),

  createClass: route({
    method: 'POST',
    path: '/classes',
    body: CreateClassBodySchema,
    response: CreatedClassSchema,
    status: 201,
    access: { kind: 'public' },
  }),
  startTeacherSession: route({
    method: 'POST',
    path: '/classes/:classId/teacher-session',
    body: TeacherSessionBodySchema,
    response: lazySchema(() => z.object({ classId: ClassIdSchema })),
    status: 200,
    access: { kind: 'handler' },
  }),
  startProjectorSession: route({
    method: 'POST',
    path: '/classes/:classId/projector-session',
    body: TeacherSessionBodySchema,
    response: lazySchema(() => z.object({ token: z.string() })),
    status: 200,
    access: { kind: 'handler' },
  }),
  join: route({
    method: 'POST',
    path: '/join',
    body: JoinClassBodySchema,
    response: JoinedClassSchema,
    status: 200,
    access: { kind: 'public' },
  }),
  me: route({
    method: 'GET',
    path: '/me',
    response: IdentitySchema,
    status: 200,
    access: { kind: 'session' },
  }),
  classState: route({
    method: 'GET',
    path: '/classes/:classId',
    response: ClassStateSchema,
    status: 200,
    access: needs('roster.view'),
  }),
  updateClass: route({
    method: 'PATCH',
    path: '/classes/:classId',
    body: UpdateClassBodySchema,
    response: ClassStateSchema,
    status: 200,
    // Pausing alone needs `class.pause`; anything else `class.manage` (checked by the handler).
    access: needs('class.pause'),
  }),
  deleteClass: route({
    method: 'DELETE',
    path: '/classes/:classId',
    response: null,
    status: 204,
    access: needs('class.manage'),
  }),
  classRetention: route({
    method: 'GET',
    path: '/classes/:classId/retention',
    response: RetentionSchema,
    status: 200,
    access: needs('class.manage'),
  }),
  /** Everything the server holds about the class as one JSON download (`ClassExport`). */
  exportClass: route({
    method: 'GET',
    path: '/classes/:classId/export',
    response: null,
    status: 200,
    access: needs('class.manage'),
  }),
  /** A coach's link (`/coach/:classId#key=…`) traded for a read-only evidence session (a bearer token). */
  startCoachSession: route({
    method: 'POST',
    path: '/classes/:classId/coach-session',
    body: TeacherSessionBodySchema,
    response: lazySchema(() => z.object({ token: z.string() })),
    status: 200,
    access: { kind: 'handler' },
  }),
  /** Whether the class has a coach link on (its secret is shown once, when made). */
  coachLink: route({
    method: 'GET',
    path: '/classes/:classId/coach-key',
    response: CoachLinkStateSchema,
    status: 200,
    access: needs('class.manage'),
  }),
  /** A new coach link: the one before it and every session made from it stop working. */
  createCoachLink: route({
    method: 'POST',
    path: '/classes/:classId/coach-key',
    response: lazySchema(() => z.object({ coachLink: z.string() })),
    status: 200,
    access: needs('class.manage'),
  }),
  /** Turns the coach link off: it and every session made from it stop working. */
  revokeCoachLink: route({
    method: 'DELETE',
    path: '/classes/:classId/coach-key',
    response: null,
    status: 204,
    access: needs('class.manage'),
  }),
  rotateProjectorKey: route({
    method: 'POST',
    path: '/classes/:classId/projector-key',
    response: lazySchema(() => z.object({ projectorLink: z.string() })),
    status: 200,
    access: needs('class.manage'),
  }),
  createGroup: route({
    method: 'POST',
    path: '/classes/:classId/groups',
    body: CreateGroupBodySchema,
    response: GroupSchema,
    status: 201,
    access: needs('groups.manage'),
  }),
  renameGroup: route({
    method: 'PATCH',
    path: '/classes/:classId/groups/:groupId',
    body: RenameGroupBodySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
  }),
  deleteGroup: route({
    method: 'DELETE',
    path: '/classes/:classId/groups/:groupId',
    query: DeleteGroupQuerySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
  }),
  assignStudent: route({
    method: 'PUT',
    path: '/classes/:classId/students/:studentId/group',
    body: AssignStudentBodySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
  }),
  removeStudent: route({
    method: 'DELETE',
    path: '/classes/:classId/students/:studentId',
    body: RemoveStudentBodySchema,
    response: lazySchema(() => z.object({ removedRecords: z.number().int() })),
    status: 200,
    access: needs('students.remove'),
  }),
  poseQuestion: route({
    method: 'POST',
    path: '/classes/:classId/questions',
    body: PoseQuestionBodySchema,
    response: QuestionSchema,
    status: 201,
    access: needs('questions.pose'),
  }),
  listQuestions: route({
    method: 'GET',
    path: '/classes/:classId/questions',
    response: lazySchema(() => z.array(QuestionSchema)),
    status: 200,
    access: needs('roster.view'),
  }),
  setProjection: route({
    method: 'PUT',
    path: '/classes/:classId/projection',
    body: SetProjectionBodySchema,
    response: ProjectionSchema,
    status: 200,
    access: needs('projector.control'),
  }),
  setSpotlight: route({
    method: 'PUT',
    path: '/classes/:classId/projection/spotlight',
    body: SetSpotlightBodySchema,
    response: ProjectionSchema,
    status: 200,
    access: needs('projector.control'),
  }),
  classView: route({
    method: 'GET',
    path: '/classes/:classId/view',
    response: ClassViewSchema,
    status: 200,
    access: { kind: 'member' },
  }),
  groupActivity: route({
    method: 'GET',
    path: '/classes/:classId/activity',
    response: lazySchema(() => z.array(GroupActivitySchema)),
    status: 200,
    access: needs('roster.view'),
  }),
  hands: route({
    method: 'GET',
    path: '/classes/:classId/hands',
    response: HandsSchema,
    status: 200,
    access: needs('roster.view'),
  }),
  representations: route({
    method: 'GET',
    path: '/classes/:classId/representations',
    response: GroupRepresentationsSchema,
    status: 200,
    access: needs('roster.view'),
  }),
  setTemplate: route({
    method: 'PUT',
    path: '/classes/:classId/template',
    body: SetTemplateBodySchema,
    response: lazySchema(() => z.object({ records: z.number().int() })),
    status: 200,
    access: needs('class.manage'),
    bodyLimit: '512kb',
  }),
  getTemplate: route({
    method: 'GET',
    path: '/classes/:classId/template',
    response: TemplateSchema,
    status: 200,
    access: needs('class.manage'),
  }),
  openDraft: route({
    method: 'POST',
    path: '/classes/:classId/draft',
    response: DraftBoardSchema,
    status: 200,
    access: needs('boards.writeOwnGroup'),
  }),
  studentDraft: route({
    method: 'GET',
    path: '/classes/:classId/students/:studentId/draft',
    response: StudentDraftSchema,
    status: 200,
    access: needs('roster.view'),
  }),

  classTags: route({
    method: 'GET',
    path: '/classes/:classId/tags',
    response: lazySchema(() => z.array(ContributionTagSchema)),
    status: 200,
    access: needs('tags.viewAll'),
  }),
  tagSummary: route({
    method: 'GET',
    path: '/classes/:classId/tags/summary',
    response: TagSummarySchema,
    status: 200,
    access: needs('tags.viewAll'),
  }),
  /** JSON lines (`application/x-ndjson`), a download. */
  tagCorrections: route({
    method: 'GET',
    path: '/classes/:classId/tags/corrections.jsonl',
    response: null,
    status: 200,
    access: needs('tags.viewAll'),
  }),
  correctTag: route({
    method: 'PUT',
    path: '/classes/:classId/tags/:contributionId',
    body: CorrectTagBodySchema,
    response: ContributionTagSchema,
    status: 200,
    access: needs('tags.correct'),
    bodyLimit: '8kb',
  }),

  setDiagnostic: route({
    method: 'PUT',
    path: '/classes/:classId/diagnostic',
    body: SetDiagnosticBodySchema,
    response: lazySchema(() => z.object({ items: z.number().int() }).nullable()),
    status: 200,
    access: needs('diagnostic.manage'),
    bodyLimit: '512kb',
  }),
  studentDiagnostic: route({
    method: 'GET',
    path: '/classes/:classId/diagnostic',
    response: StudentDiagnosticSchema,
    status: 200,
    access: needs('diagnostic.take'),
  }),
  answerDiagnostic: route({
    method: 'PUT',
    path: '/classes/:classId/diagnostic/responses',
    body: AnswerItemBodySchema,
    response: StudentDiagnosticSchema,
    status: 200,
    access: needs('diagnostic.take'),
  }),
  /** The item bank the class uses (ours or the teacher's), to edit in the form; null: none chosen or skipped. */
  diagnosticBank: route({
    method: 'GET',
    path: '/classes/:classId/diagnostic/bank',
    response: lazySchema(() => ItemBankSchema.nullable()),
    status: 200,
    access: needs('diagnostic.manage'),
  }),
  diagnosticProfiles: route({
    method: 'GET',
    path: '/classes/:classId/diagnostic/profiles',
    response: lazySchema(() => z.array(DiagnosticRowSchema)),
    status: 200,
    access: needs('diagnostic.manage'),
  }),
  previewGrouping: route({
    method: 'POST',
    path: '/classes/:classId/grouping/preview',
    body: GroupingPreviewBodySchema,
    response: GroupingPreviewSchema,
    status: 200,
    access: needs('diagnostic.manage'),
  }),
  scoreGrouping: route({
    method: 'POST',
    path: '/classes/:classId/grouping/score',
    body: ScoreGroupsBodySchema,
    response: GroupingScoreSchema,
    status: 200,
    access: needs('diagnostic.manage'),
  }),
  publishGrouping: route({
    method: 'POST',
    path: '/classes/:classId/grouping/publish',
    body: PublishGroupsBodySchema,
    response: ClassStateSchema,
    status: 200,
    access: needs('groups.manage'),
  }),
  groupDraw: route({
    method: 'GET',
    path: '/classes/:classId/grouping/draw',
    response: GroupDrawSchema,
    status: 200,
    access: { kind: 'member' },
  }),

  listAnticipations: route({
    method: 'GET',
    path: '/classes/:classId/anticipations',
    response: lazySchema(() => z.array(AnticipationSchema)),
    status: 200,
    access: needs('anticipations.manage'),
  }),
  addAnticipation: route({
    method: 'POST',
    path: '/classes/:classId/anticipations',
    body: AnticipationInputSchema,
    response: AnticipationSchema,
    status: 201,
    access: needs('anticipations.manage'),
    bodyLimit: '32kb',
  }),
  replaceAnticipation: route({
    method: 'PUT',
    path: '/classes/:classId/anticipations/:anticipationId',
    body: AnticipationInputSchema,
    response: AnticipationSchema,
    status: 200,
    access: needs('anticipations.manage'),
    bodyLimit: '32kb',
  }),
  deleteAnticipation: route({
    method: 'DELETE',
    path: '/classes/:classId/anticipations/:anticipationId',
    response: null,
    status: 204,
    access: needs('anticipations.manage'),
  }),
  monitoring: route({
    method: 'GET',
    path: '/classes/:classId/monitoring',
    response: MonitoringStateSchema,
    status: 200,
    access: needs('monitoring.view'),
  }),
  setMatchVerdict: route({
    method: 'PUT',
    path: '/classes/:classId/monitoring/:groupId/:anticipationId',
    body: SetVerdictBodySchema,
    response: MonitoringStateSchema,
    status: 200,
    access: needs('monitoring.view'),
    bodyLimit: '1kb',
  }),
  /** JSON lines (`application/x-ndjson`), a download: the teacher's verdicts as labelled data. */
  matchLabels: route({
    method: 'GET',
    path: '/classes/:classId/monitoring/labels.jsonl',
    response: null,
    status: 200,
    access: needs('monitoring.view'),
  }),
  alerts: route({
    method: 'GET',
    path: '/classes/:classId/alerts',
    response: lazySchema(() => z.array(GroupAlertSchema)),
    status: 200,
    access: needs('monitoring.view'),
  }),

  takeSnapshot: route({
    method: 'POST',
    path: '/classes/:classId/snapshots',
    body: TakeSnapshotBodySchema,
    response: SnapshotSchema,
    status: 201,
    access: needs('snapshots.take'),
  }),
  listSnapshots: route({
    method: 'GET',
    path: '/classes/:classId/snapshots',
    response: lazySchema(() => z.array(SnapshotSummarySchema)),
    status: 200,
    access: needs('snapshots.view'),
  }),
  getSnapshot: route({
    method: 'GET',
    path: '/classes/:classId/snapshots/:snapshotId',
    response: SnapshotSchema,
    status: 200,
    access: needs('snapshots.view'),
  }),
  /** `image/svg+xml`: the snapshot drawn from its records when it was taken, stored with it. */
  snapshotImage: route({
    method: 'GET',
    path: '/classes/:classId/snapshots/:snapshotId/image.svg',
    response: null,
    status: 200,
    access: needs('snapshots.view'),
  }),

  getDiscussionPlan: route({
    method: 'GET',
    path: '/classes/:classId/discussion',
    response: DiscussionPlanSchema,
    status: 200,
    access: needs('discussion.view'),
  }),
  putDiscussionPlan: route({
    method: 'PUT',
    path: '/classes/:classId/discussion',
    body: PlanInputSchema,
    response: DiscussionPlanSchema,
    status: 200,
    access: needs('discussion.plan'),
    bodyLimit: '64kb',
  }),
  presentDiscussionStep: route({
    method: 'PUT',
    path: '/classes/:classId/discussion/presenting',
    body: PresentStepBodySchema,
    response: DiscussionPlanSchema,
    status: 200,
    access: needs('discussion.present'),
  }),
  /** What a following student's screen shows (null `shown`: their own board); read again on every reconnect. */
  getFollow: route({
    method: 'GET',
    path: '/classes/:classId/follow',
    response: FollowViewSchema,
    status: 200,
    access: { kind: 'member' },
  }),
  setFollow: route({
    method: 'PUT',
    path: '/classes/:classId/follow',
    body: SetFollowBodySchema,
    response: FollowViewSchema,
    status: 200,
    access: needs('discussion.follow'),
    bodyLimit: '1kb',
  }),

  participation: route({
    method: 'GET',
    path: '/classes/:classId/participation',
    query: ParticipationQuerySchema,
    response: ParticipationReportSchema,
    status: 200,
    access: needs('evidence.view'),
  }),
  groupReplay: route({
    method: 'GET',
    path: '/classes/:classId/groups/:groupId/replay',
    response: BoardReplaySchema,
    status: 200,
    access: needs('evidence.view'),
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
  }),
  myReflection: route({
    method: 'GET',
    path: '/classes/:classId/reflections/mine',
    response: lazySchema(() => ReflectionSchema.nullable()),
    status: 200,
    access: needs('reflection.write'),
  }),
  putMyReflection: route({
    method: 'PUT',
    path: '/classes/:classId/reflections/mine',
    body: ReflectionInputSchema,
    response: ReflectionSchema,
    status: 200,
    access: needs('reflection.write'),
  }),
  listReflections: route({
    method: 'GET',
    path: '/classes/:classId/reflections',
    response: lazySchema(() => z.array(TaggedReflectionSchema)),
    status: 200,
    access: needs('reflections.view'),
  }),
  myWork: route({
    method: 'GET',
    path: '/classes/:classId/my-work',
    response: MyWorkSchema,
    status: 200,
    access: needs('reflection.write'),
  }),

  // Exports (downloads: `response: null`, the body is the file, with a Content-Disposition naming it).
  /** A portable board: tldraw's `.tldr` file of every record of the board, our math shapes included. */
  exportBoardFile: route({
    method: 'GET',
    path: '/boards/:boardId/board.tldr',
    response: null,
    status: 200,
    access: { kind: 'board' },
  }),
  /** The board drawn from its records as SVG (the browser makes a PNG of it). */
  exportBoardSvg: route({
    method: 'GET',
    path: '/boards/:boardId/board.svg',
    response: null,
    status: 200,
    access: { kind: 'board' },
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
  }),
  /** One of the class's CSV tables (`CSV_TABLES` in shared). */
  exportCsv: route({
    method: 'GET',
    path: '/classes/:classId/exports/:csvTable',
    response: null,
    status: 200,
    access: needs('evidence.export'),
  }),
  /** Every group board (or the one `groupId` names), one page each. */
  exportBoardsPdf: route({
    method: 'GET',
    path: '/classes/:classId/boards.pdf',
    query: lazySchema(() => z.object({ groupId: GroupIdSchema.optional() }).strict()),
    response: null,
    status: 200,
    access: needs('evidence.export'),
  }),
  /** The discussion plan as slides: a page per step with its snapshot and question. */
  exportDiscussionPdf: route({
    method: 'GET',
    path: '/classes/:classId/discussion.pdf',
    response: null,
    status: 200,
    access: needs('discussion.view'),
  }),
  /** The lesson's evidence pack for people. */
  evidencePdf: route({
    method: 'GET',
    path: '/classes/:classId/evidence.pdf',
    response: null,
    status: 200,
    access: needs('evidence.export'),
  }),
  /** The lesson's evidence pack for tools: the CSV tables and JSON. */
  evidenceZip: route({
    method: 'GET',
    path: '/classes/:classId/evidence.zip',
    response: null,
    status: 200,
    access: needs('evidence.export'),
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
