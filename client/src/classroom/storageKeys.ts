/**
 * Where this browser keeps a class's session tokens. A module of its own, with no imports: the inline
 * script that asks for the student's identity before the first bundle runs reads the same key
 * (`boot/earlyRequests.ts`).
 */
export const STUDENT_TOKEN_KEY: readonly [prefix: string, suffix: string] = [
  'conjecture:class:',
  ':studentToken',
];

export const studentTokenKey = (classId: string) =>
  `${STUDENT_TOKEN_KEY[0]}${classId}${STUDENT_TOKEN_KEY[1]}`;
export const projectorTokenKey = (classId: string) => `conjecture:class:${classId}:projectorToken`;
export const coachTokenKey = (classId: string) => `conjecture:class:${classId}:coachToken`;
/** The boards of the class this browser keeps an offline copy of (classBoardCopies.ts). */
export const classBoardCopiesKey = (classId: string) => `conjecture:class:${classId}:boardCopies`;
/** The class as the student's page last loaded it (lastClassState.ts). */
export const lastClassStateKey = (classId: string) => `conjecture:class:${classId}:lastState`;
/** A join code this browser joined with, naming its class: the join page finds the token before the class. */
export const JOIN_CODE_KEY_PREFIX = 'conjecture:joinCode:';
export const joinCodeKey = (code: string) => `${JOIN_CODE_KEY_PREFIX}${code}`;
/** The diagnostic a teacher is writing in the form, kept until it is used (diagnostics/keptBankDrafts.ts). */
export const bankDraftKey = (classId: string) => `conjecture:class:${classId}:diagnosticDraft`;
/** The random draw whose notice the student dismissed here, so a page opened later does not repeat it. */
export const drawnGroupDismissedKey = (classId: string) => `conjecture:class:${classId}:drawnGroupDismissed`;
