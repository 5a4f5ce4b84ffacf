import type {
  ClassState,
  DiagnosticRow,
  GroupDraw,
  GroupingPreview,
  GroupingPreviewBody,
  GroupingScore,
  ItemBank,
  PublishedGrouping,
  SetDiagnosticBody,
  StudentDiagnostic,
} from '@conjecture/shared';
import { api, apiFor, ApiRequestError, type ClassAuth } from '../api/http.js';

// The teacher's routes: the httpOnly cookie is the credential (no token).
export const setDiagnostic = (classId: string, bank: SetDiagnosticBody['bank']) =>
  api.setDiagnostic({ params: { classId }, body: { bank } });

/** The server's refusal of a bank, as lines to show the teacher: each issue (item and field), else the message. */
export function refusalMessages(error: unknown): string[] {
  if (error instanceof ApiRequestError && error.issues.length > 0) return error.issues.map((i) => i.message);
  return [error instanceof Error ? error.message : String(error)];
}

/** The bank the class uses (answers included, the teacher's only), for the form to start from. */
export const getDiagnosticBank = (classId: string): Promise<ItemBank | null> =>
  api.diagnosticBank({ params: { classId } });

export const getDiagnosticRows = (classId: string): Promise<DiagnosticRow[]> =>
  api.diagnosticProfiles({ params: { classId } });

export const previewGroups = (
  classId: string,
  body: Partial<GroupingPreviewBody>,
): Promise<GroupingPreview> => api.previewGrouping({ params: { classId }, body });

export const scoreGroups = (
  classId: string,
  groups: string[][],
  mode: GroupingPreviewBody['mode'],
): Promise<GroupingScore> => api.scoreGrouping({ params: { classId }, body: { groups, mode } });

/** The groups, and the mode and pairs they were proposed with: the server places later arrivals by them. */
export const publishGroups = (
  classId: string,
  groups: string[][],
  grouping: PublishedGrouping,
): Promise<ClassState> => api.publishGrouping({ params: { classId }, body: { groups, ...grouping } });

/** The class's groups shown as drawn at random (any member; names as that member may see them), or null. */
export const getGroupDraw = (classId: string, auth: ClassAuth): Promise<GroupDraw> =>
  apiFor(auth).groupDraw({ params: { classId } });

// The student's routes: the stored join token.
export const getStudentDiagnostic = (classId: string, token: string): Promise<StudentDiagnostic> =>
  apiFor(token).studentDiagnostic({ params: { classId } });

export const answerItem = (
  classId: string,
  token: string,
  answer: { itemId: string; optionId: string; confidence: number },
): Promise<StudentDiagnostic> => apiFor(token).answerDiagnostic({ params: { classId }, body: answer });
