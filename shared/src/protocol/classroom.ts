import { z } from 'zod';
import { DiagnosticProfileSchema } from '../domain/diagnostics/profile.js';
import { PortraitSchema } from '../domain/diagnostics/portrait.js';
import { AttemptIdSchema, BoardIdSchema } from './ids.js';
import { MAX_PAGE_COORDINATE } from '../board/placement.js';
import { lazySchema } from '../lazySchema.js';
import { hasTextDirectionControl, writtenText } from './readableText.js';
import { displayNameKey } from '../domain/displayNames.js';

export const ClassIdSchema = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a class id'));
export const StudentIdSchema = lazySchema(() =>
  z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a student id'),
);
export const GroupIdSchema = lazySchema(() => z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a group id'));

export const DISPLAY_NAME_MAX = 40;
/**
 * Trimmed, inner whitespace collapsed, 1–40 characters, no control characters, none of the controls that
 * reorder the text around them (a name shown in a list or beside a reply would turn what follows backwards),
 * and something that shows: a name of invisible characters and blanks alone names nobody on the roster.
 */
export const DisplayNameSchema = lazySchema(() =>
  z
    .string()
    .transform((s) => s.trim().replace(/\s+/g, ' '))
    .pipe(
      z
        .string()
        .min(1, 'enter a name')
        .max(DISPLAY_NAME_MAX, `a name has at most ${DISPLAY_NAME_MAX} characters`)
        .regex(/^\P{Cc}+$/u, 'a name cannot contain control characters')
        .refine((name) => !hasTextDirectionControl(name), 'a name cannot contain text-direction controls')
        .refine((name) => displayNameKey(name) !== '', 'enter a name that shows: letters, digits or signs'),
    ),
);

// POST /api/classes
export const CreateClassBodySchema = lazySchema(() =>
  z
    .object({
      title: writtenText().min(1).max(120),
      taskPrompt: writtenText().max(2000).default(''),
    })
    .strict(),
);
export type CreateClassBody = z.infer<typeof CreateClassBodySchema>;

/** The links carry their secret after `#`, so it never reaches a server log or a Referer header. */
export const CreatedClassSchema = lazySchema(() =>
  z.object({
    classId: ClassIdSchema,
    joinCode: z.string(),
    teacherLink: z.string(),
    projectorLink: z.string(),
  }),
);
export type CreatedClass = z.infer<typeof CreatedClassSchema>;

// POST /api/classes/:classId/teacher-session — trades the link's secret for an httpOnly cookie.
export const TeacherSessionBodySchema = lazySchema(() =>
  z.object({ key: z.string().min(16).max(200) }).strict(),
);

/** GET /api/classes/:classId/coach-key (teacher): whether a coach link is on, and since when. */
export const CoachLinkStateSchema = lazySchema(() =>
  z.object({ on: z.boolean(), createdAt: z.number().nullable() }),
);
export type CoachLinkState = z.infer<typeof CoachLinkStateSchema>;

// POST /api/join
export const JoinClassBodySchema = lazySchema(() =>
  z
    .object({
      joinCode: z.string().max(20),
      displayName: DisplayNameSchema,
      /** A token the browser already holds: a rejoin with it returns the same identity. */
      token: z.string().max(300).optional(),
      /**
       * Random, made once per join form and sent again on every retry: a retry of a join that was stored
       * but not answered (a 503 while a class moves between servers) returns the same student, not 409.
       */
      attemptId: AttemptIdSchema.optional(),
      /**
       * With the attempt already stored under another name (its answer lost, then the name edited): the
       * attempt's student takes this name in its place, rather than a second student joining beside it.
       * Refused once that student's session was used (JOIN_ATTEMPT_CONFLICT.inUse).
       */
      renameAttempt: z.literal(true).optional(),
    })
    .strict(),
);
export type JoinClassBody = z.infer<typeof JoinClassBodySchema>;

export const GroupSchema = lazySchema(() =>
  z.object({ groupId: GroupIdSchema, name: z.string(), boardId: BoardIdSchema }),
);
export type Group = z.infer<typeof GroupSchema>;

/** Who the bearer of a credential is, as GET /api/me answers. */
export const IdentitySchema = lazySchema(() =>
  z.discriminatedUnion('role', [
    z.object({ role: z.literal('teacher'), classId: ClassIdSchema }),
    z.object({
      role: z.literal('student'),
      classId: ClassIdSchema,
      studentId: StudentIdSchema,
      displayName: z.string(),
      group: GroupSchema.nullable(),
    }),
    z.object({ role: z.literal('projector'), classId: ClassIdSchema }),
    z.object({ role: z.literal('coach'), classId: ClassIdSchema }),
  ]),
);
export type Identity = z.infer<typeof IdentitySchema>;

/**
 * Why a join with a right code is refused (403 `forbidden`), in the contract: the join page says what to do
 * for each without matching the server's prose.
 */
export const JOIN_REFUSED = {
  ended: 'this class has ended',
  closed: 'the teacher has closed joining',
} as const;

/**
 * The refusals (409 `conflict`) bound to a join form's attempt rather than to the name: the join page offers
 * a way on without a reload. The attempt was stored under another name (its answer lost, then the name edited):
 * the form may go on as that student, or rename it (`renameAttempt`) — unless that student is in use, which
 * `inUse` follows `joinedAs` to say. The attempt's student was removed by the teacher: a new attempt joins anew.
 */
export const JOIN_ATTEMPT_CONFLICT = {
  joinedAs: (name: string) => `this join form already joined as "${name}"`,
  inUse: 'that student is in the class now, so keeps that name',
  removed: 'your teacher removed you from this class',
} as const;

/** The name an attempt already joined under, from the server's refusal; null for any other refusal. */
export function nameAttemptJoinedAs(message: string): string | null {
  const prefix = JOIN_ATTEMPT_CONFLICT.joinedAs('');
  const open = prefix.slice(0, -1);
  if (!message.startsWith(open)) return null;
  const end = message.lastIndexOf('"');
  return end > open.length ? message.slice(open.length, end) : null;
}

export const JoinedClassSchema = lazySchema(() => z.object({ token: z.string(), identity: IdentitySchema }));
export type JoinedClass = z.infer<typeof JoinedClassSchema>;

export const StudentSummarySchema = lazySchema(() =>
  z.object({
    studentId: StudentIdSchema,
    displayName: z.string(),
    groupId: GroupIdSchema.nullable(),
    /** The student's colour (cursor, "colour by author"), unique within their group. */
    color: z.string(),
  }),
);

const PageCoordinateSchema = lazySchema(() => z.number().min(-MAX_PAGE_COORDINATE).max(MAX_PAGE_COORDINATE));
const PageExtentSchema = lazySchema(() =>
  z
    .number()
    .positive()
    .max(2 * MAX_PAGE_COORDINATE),
);

/**
 * The teacher frames one item or region of a group board and the projector shows just that, large: a
 * region in the board's page coordinates, and the shape it frames when the teacher spotlighted a shape.
 */
/** Boards the projector shows side by side at most (more would be unreadable from the back row). */
export const MAX_PROJECTED_BOARDS = 4;

/** A rectangle of a board's page, in page coordinates. */
export const PageRegionSchema = lazySchema(() =>
  z
    .object({ x: PageCoordinateSchema, y: PageCoordinateSchema, w: PageExtentSchema, h: PageExtentSchema })
    .strict(),
);
export type PageRegion = z.infer<typeof PageRegionSchema>;

export const SpotlightSchema = lazySchema(() =>
  z
    .object({
      boardId: BoardIdSchema,
      region: PageRegionSchema,
      shapeId: z
        .string()
        .regex(/^shape:[\w-]{1,64}$/)
        .nullable()
        .default(null),
    })
    .strict(),
);
export type Spotlight = z.infer<typeof SpotlightSchema>;

export const ClassStateSchema = lazySchema(() =>
  z.object({
    classId: ClassIdSchema,
    title: z.string(),
    taskPrompt: z.string(),
    joinCode: z.string(),
    joiningOpen: z.boolean(),
    paused: z.boolean(),
    ended: z.boolean(),
    students: z.array(StudentSummarySchema),
    groups: z.array(GroupSchema),
    /** Students with a live connection now. */
    online: z.array(StudentIdSchema),
    anonymize: z.boolean(),
    projectedBoardIds: z.array(BoardIdSchema),
    /** The projector's spotlight, when one is on. */
    spotlight: SpotlightSchema.nullable(),
    /** Boards show a squared graph-paper background. */
    graphPaper: z.boolean(),
    /** The dashboard shows pseudonyms (for screen-sharing); the projector has its own switch (`anonymize`). */
    anonymizeDashboard: z.boolean(),
    /** Students see each other under pseudonyms (cursors, authorship, critique replies). */
    anonymizeStudents: z.boolean(),
    /** Students are asked for their end-of-lesson reflection. */
    reflectionOpen: z.boolean(),
  }),
);
export type ClassState = z.infer<typeof ClassStateSchema>;

// PATCH /api/classes/:classId (teacher)
export const UpdateClassBodySchema = lazySchema(() =>
  z
    .object({
      joiningOpen: z.boolean().optional(),
      paused: z.boolean().optional(),
      ended: z.boolean().optional(),
      graphPaper: z.boolean().optional(),
      /** The class's task: rewritten on every group board's task card (emptied: the card is taken away). */
      taskPrompt: writtenText().max(2000).optional(),
      anonymizeDashboard: z.boolean().optional(),
      anonymizeStudents: z.boolean().optional(),
      reflectionOpen: z.boolean().optional(),
    })
    .strict(),
);
export type UpdateClassBody = z.input<typeof UpdateClassBodySchema>;

// POST /api/classes/:classId/groups (teacher) → Group. The name follows a rename's rules (DisplayNameSchema,
// and 409 for a name another group of the class has, case-insensitively); without one, the first free "Group N".
export const CreateGroupBodySchema = lazySchema(() =>
  z
    .object({
      name: DisplayNameSchema.optional(),
      /** The click's: the same request sent again answers the group it made (see AttemptIdSchema). */
      attemptId: AttemptIdSchema.optional(),
    })
    .strict(),
);

// PATCH /api/classes/:classId/groups/:groupId (teacher) → ClassState. Named like a person: trimmed, 1–40
// characters; the server also refuses (409) a name another group of the class has, case-insensitively.
export const RenameGroupBodySchema = lazySchema(() => z.object({ name: DisplayNameSchema }).strict());
export type RenameGroupBody = z.infer<typeof RenameGroupBodySchema>;

// DELETE /api/classes/:classId/groups/:groupId[?force=true] (teacher) → ClassState. Without `force`, a
// group whose board (or answers) hold work is refused with 409, so nobody's work goes by a mis-click.
export const DeleteGroupQuerySchema = lazySchema(() =>
  z.object({ force: z.enum(['true', 'false']).default('false') }),
);

// DELETE /api/classes/:classId/students/:studentId (teacher)
export const RemoveStudentBodySchema = lazySchema(() =>
  z.object({ removeMarks: z.boolean().default(false) }).strict(),
);

// PUT /api/classes/:classId/students/:studentId/group (teacher)
export const AssignStudentBodySchema = lazySchema(() =>
  z.object({ groupId: GroupIdSchema.nullable() }).strict(),
);

// POST /api/classes/:classId/questions (teacher)
export const PoseQuestionBodySchema = lazySchema(() =>
  z
    .object({
      text: writtenText().min(1, 'write the question').max(500),
      /** One group, or every group when null/absent. */
      groupId: GroupIdSchema.nullable().default(null),
      /** Optionally anchored on a shape of that group's board: the card is placed beside it. */
      anchorShapeId: z
        .string()
        .regex(/^shape:[\w-]{1,64}$/)
        .nullable()
        .default(null),
    })
    .strict(),
);
export type PoseQuestionBody = z.infer<typeof PoseQuestionBodySchema>;

export const AnswerSchema = lazySchema(() =>
  z.object({
    answerId: z.string(),
    questionId: z.string(),
    studentId: StudentIdSchema,
    text: z.string(),
    createdAt: z.number(),
  }),
);
export type Answer = z.infer<typeof AnswerSchema>;

export const QuestionSchema = lazySchema(() =>
  z.object({
    questionId: z.string(),
    groupId: GroupIdSchema.nullable(),
    text: z.string(),
    anchorShapeId: z.string().nullable(),
    createdAt: z.number(),
    answers: z.array(AnswerSchema),
  }),
);
export type Question = z.infer<typeof QuestionSchema>;

// socket: answerQuestion (student)
export const AnswerQuestionSchema = lazySchema(() =>
  z
    .object({
      questionId: z.string().max(64),
      text: writtenText().min(1, 'write an answer').max(2000),
    })
    .strict(),
);

/**
 * What the projector shows: up to four group boards side by side, names anonymized or not — or, while a
 * spotlight is on, just the spotlighted region of one group board, full screen.
 */
export const ProjectionSchema = lazySchema(() =>
  z.object({
    boardIds: z.array(BoardIdSchema).max(MAX_PROJECTED_BOARDS),
    anonymize: z.boolean(),
    spotlight: SpotlightSchema.nullable().default(null),
  }),
);
export type Projection = z.infer<typeof ProjectionSchema>;

// PUT /api/classes/:classId/projection (teacher): the boards and anonymity; a spotlight stays as it is.
export const SetProjectionBodySchema = lazySchema(() =>
  z.object({ boardIds: z.array(BoardIdSchema).max(MAX_PROJECTED_BOARDS), anonymize: z.boolean() }).strict(),
);

// PUT /api/classes/:classId/projection/spotlight (teacher): a spotlight on a group board, or null to end it.
export const SetSpotlightBodySchema = lazySchema(() =>
  z.object({ spotlight: SpotlightSchema.nullable() }).strict(),
);

/** GET /api/classes/:classId/view — what a viewer may see: the projection and names for every id. */
export const ClassViewSchema = lazySchema(() =>
  z.object({
    classId: ClassIdSchema,
    title: z.string(),
    taskPrompt: z.string(),
    /** The code students join with (public: the projector shows it large). Never the teacher's link. */
    joinCode: z.string(),
    /** Students' boards are read-only: the teacher paused the class or ended it. */
    paused: z.boolean(),
    /** The teacher ended the class (until they reopen it). */
    ended: z.boolean(),
    /** Boards show a squared graph-paper background (a class setting the teacher switches). */
    graphPaper: z.boolean(),
    /** The teacher has opened the end-of-lesson reflection. */
    reflectionOpen: z.boolean(),
    projection: ProjectionSchema,
    /** Opaque id → label (a real name, or a pseudonym when the teacher anonymizes for this viewer). */
    names: z.record(z.string(), z.string()),
    /** Opaque id → cursor and "colour by author" colour, assigned by the server (unique within a group). */
    colors: z.record(z.string(), z.string()),
    /** Board id → its group's name, so the projector can caption each board (renames arrive live). */
    groupNames: z.record(z.string(), z.string()),
  }),
);
export type ClassView = z.infer<typeof ClassViewSchema>;

export const GroupActivitySchema = lazySchema(() =>
  z.object({
    groupId: GroupIdSchema,
    lastActivityAt: z.number().nullable(),
    /** Per member: when they last changed the board (null: not yet). */
    members: z.array(
      z.object({
        studentId: StudentIdSchema,
        lastContributionAt: z.number().nullable(),
        online: z.boolean(),
      }),
    ),
  }),
);
export type GroupActivity = z.infer<typeof GroupActivitySchema>;

/** A tagged contribution: a text on a board, an answer, or a teacher's question. */
export const ContributionTagSchema = lazySchema(() =>
  z.object({
    contributionId: z.string(),
    classId: ClassIdSchema,
    groupId: GroupIdSchema.nullable(),
    boardId: BoardIdSchema.nullable(),
    /** The record the text lives in (board texts and sticky notes). */
    shapeId: z.string().nullable(),
    kind: z.enum(['board_text', 'answer', 'question', 'critique_reply', 'reflection']),
    author: z.string(),
    role: z.enum(['teacher', 'student']),
    text: z.string(),
    move: z.string(),
    confidence: z.number(),
    /** The NCTM type shown; null for a non-question and for a question typed below the trusted confidence. */
    questionType: z.string().nullable(),
    /** A question (typed or not): with `questionType` null it is shown as "question" without a type. */
    question: z.boolean(),
    cues: z.array(z.string()),
    taggedAt: z.number(),
    /** The teacher's correction, when there is one: it overrides the model's tag everywhere. */
    corrected: z
      .object({
        move: z.string(),
        questionType: z.string().nullable(),
        /** A question (typed or not): the teacher can change a withheld type's move and keep it a question. */
        question: z.boolean(),
        at: z.number(),
      })
      .nullable(),
  }),
);
export type ContributionTag = z.infer<typeof ContributionTagSchema>;

// PUT /api/classes/:classId/tags/:contributionId (teacher)
export const CorrectTagBodySchema = lazySchema(() =>
  z
    .object({
      move: z.string().max(64),
      questionType: z.string().max(64).nullable().default(null),
      /** Without a type, whether it is a question all the same (default: it is one only with a type). */
      question: z.boolean().optional(),
    })
    .strict(),
);
export type CorrectTagBody = z.input<typeof CorrectTagBodySchema>;

// PUT /api/classes/:classId/template (teacher): records placed, locked, on every group board — shapes, the
// assets they show, and the bindings that attach arrows to them (both ends must be shapes of the template).
export const MAX_TEMPLATE_RECORDS = 100;
export const TemplateRecordTypeSchema = lazySchema(() => z.enum(['shape', 'asset', 'binding']));
export const SetTemplateBodySchema = lazySchema(() =>
  z
    .object({
      records: z
        .array(
          z.looseObject({
            id: z.string().regex(/^(shape|asset|binding):[\w-]{1,64}$/),
            typeName: TemplateRecordTypeSchema,
          }),
        )
        .max(MAX_TEMPLATE_RECORDS),
    })
    .strict(),
);

// GET /api/classes/:classId/template (teacher) → the records last placed
export const TemplateSchema = lazySchema(() =>
  z.object({
    records: z.array(z.looseObject({ id: z.string(), typeName: TemplateRecordTypeSchema })),
  }),
);
export type Template = z.infer<typeof TemplateSchema>;

// POST /api/classes/:classId/draft (student) → the student's private draft board
export const DraftBoardSchema = lazySchema(() => z.object({ boardId: BoardIdSchema }));
// GET /api/classes/:classId/students/:studentId/draft (teacher) → null until the student opens a draft
export const StudentDraftSchema = lazySchema(() => z.object({ boardId: BoardIdSchema.nullable() }));

// ── Diagnostic and grouping ──────────────────────────────────────────────────────────────────────────────

// PUT /api/classes/:classId/diagnostic (teacher): the default bank, a pasted/uploaded bank, or none (skip).
export const SetDiagnosticBodySchema = lazySchema(() =>
  z.object({ bank: z.union([z.literal('default'), z.null(), z.record(z.string(), z.unknown())]) }).strict(),
);
export type SetDiagnosticBody = z.input<typeof SetDiagnosticBodySchema>;

/** An item as a student sees it: no correct answer, no misconception names. */
export const StudentItemSchema = lazySchema(() =>
  z.object({
    itemId: z.string(),
    stem: z.string(),
    stemLatex: z.string().nullable(),
    options: z.array(z.object({ optionId: z.string(), text: z.string(), latex: z.string().nullable() })),
  }),
);
export type StudentItem = z.infer<typeof StudentItemSchema>;

// GET /api/classes/:classId/diagnostic (student)
export const StudentDiagnosticSchema = lazySchema(() =>
  z.object({
    /** null: the teacher skipped the diagnostic. */
    title: z.string().nullable(),
    items: z.array(StudentItemSchema),
    answered: z.array(z.object({ itemId: z.string(), optionId: z.string(), confidence: z.number() })),
    complete: z.boolean(),
    /** An encouraging summary of strengths and a next step, once complete. */
    summary: z.string().nullable(),
  }),
);
export type StudentDiagnostic = z.infer<typeof StudentDiagnosticSchema>;

// GET /api/classes/:classId/diagnostic/profiles (teacher): a row per student, in roster order.
export const DiagnosticRowSchema = lazySchema(() =>
  z.object({
    studentId: StudentIdSchema,
    answered: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    complete: z.boolean(),
    /** Stored once the student completes the diagnostic. */
    profile: DiagnosticProfileSchema.nullable(),
    /** The profile in the teacher's words (skills, misconceptions with their items, confidence). */
    portrait: PortraitSchema.nullable(),
  }),
);
export type DiagnosticRow = z.infer<typeof DiagnosticRowSchema>;

// PUT /api/classes/:classId/diagnostic/responses (student)
export const AnswerItemBodySchema = lazySchema(() =>
  z
    .object({
      itemId: z.string().max(64),
      optionId: z.string().max(64),
      confidence: z.number().int().min(1).max(4),
    })
    .strict(),
);

// POST /api/classes/:classId/grouping/preview (teacher)
export const GroupingPreviewBodySchema = lazySchema(() =>
  z
    .object({
      mode: z.enum(['mix', 'similar', 'misconception', 'random']).default('mix'),
      groupSize: z.number().int().min(2).max(8).default(4),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .default(1),
      keepApart: z
        .array(z.tuple([StudentIdSchema, StudentIdSchema]))
        .max(200)
        .default([]),
      keepTogether: z
        .array(z.tuple([StudentIdSchema, StudentIdSchema]))
        .max(200)
        .default([]),
    })
    .strict(),
);
export type GroupingPreviewBody = z.infer<typeof GroupingPreviewBodySchema>;

export const GroupingPreviewSchema = lazySchema(() =>
  z.object({
    groups: z.array(z.array(StudentIdSchema)),
    objective: z.number(),
    /** Per student: why this group, in plain words; per group: a one-line summary. */
    explanations: z.object({ students: z.record(z.string(), z.string()), groups: z.array(z.string()) }),
  }),
);
export type GroupingPreview = z.infer<typeof GroupingPreviewSchema>;

// POST /api/classes/:classId/grouping/publish (teacher): these groups, in order, become the class's groups.
// The mode and pairs they were proposed with place students who arrive later (see `placeLateArrivals`).
export const PublishGroupsBodySchema = lazySchema(() =>
  z
    .object({
      groups: z.array(z.array(StudentIdSchema).min(1)).min(1).max(100),
      mode: GroupingPreviewBodySchema.shape.mode,
      keepApart: GroupingPreviewBodySchema.shape.keepApart,
      keepTogether: GroupingPreviewBodySchema.shape.keepTogether,
      /**
       * A random draw published exactly as drawn (nobody moved by hand): the class is shown the groups were
       * drawn by chance (GET …/grouping/draw). Meaningless in another mode.
       */
      asDrawn: z.boolean().default(false),
    })
    .strict(),
);
export type PublishGroupsBody = z.infer<typeof PublishGroupsBodySchema>;
/**
 * What the server keeps of a publication: the mode and the pairs (to place late arrivals) and whether it was
 * a random draw as drawn — not the groups. Settings stored before `asDrawn` existed read as not drawn.
 */
export type PublishedGrouping = Pick<PublishGroupsBody, 'mode' | 'keepApart' | 'keepTogether'> &
  Partial<Pick<PublishGroupsBody, 'asDrawn'>>;

/**
 * GET /api/classes/:classId/grouping/draw (any member): the class's groups as they are now, in order, when
 * the last publication was a random draw published as drawn; null otherwise. Students take to groups they
 * can see were drawn by chance rather than chosen for them. Names as the caller's class view has them
 * (pseudonyms where the teacher anonymizes for that viewer; a student always sees their own name).
 */
export const GroupDrawSchema = lazySchema(() =>
  z
    .object({
      /** When the draw was published. */
      drawnAt: z.number(),
      groups: z.array(
        z.object({
          groupId: GroupIdSchema,
          name: z.string(),
          members: z.array(z.object({ studentId: StudentIdSchema, name: z.string() })),
        }),
      ),
    })
    .nullable(),
);
export type GroupDraw = z.infer<typeof GroupDrawSchema>;

// POST /api/classes/:classId/grouping/score (teacher): a grouping the teacher adjusted by hand, scored and
// explained again (its group summaries and reasons as for a proposal in this mode).
export const ScoreGroupsBodySchema = lazySchema(() =>
  z
    .object({
      groups: z.array(z.array(StudentIdSchema).min(1)).min(1).max(100),
      mode: GroupingPreviewBodySchema.shape.mode,
    })
    .strict(),
);
export const GroupingScoreSchema = lazySchema(() =>
  z.object({
    objective: z.number(),
    explanations: GroupingPreviewSchema.shape.explanations,
  }),
);
export type GroupingScore = z.infer<typeof GroupingScoreSchema>;
