import { fail, ok } from '@conjecture/shared';
import type { ClassroomService } from '../classroom/classroomService.js';
import type { DiagnosticService } from '../diagnostics/diagnosticService.js';
import type { RouteHandlers } from './routeAdapter.js';

type DiagnosticRoutes =
  | 'setDiagnostic'
  | 'studentDiagnostic'
  | 'answerDiagnostic'
  | 'diagnosticBank'
  | 'diagnosticProfiles'
  | 'previewGrouping'
  | 'scoreGrouping'
  | 'publishGrouping'
  | 'groupDraw';

export function diagnosticHandlers({
  classroom,
  diagnostics,
}: {
  classroom: ClassroomService;
  diagnostics: DiagnosticService;
}): Pick<RouteHandlers, DiagnosticRoutes> {
  /** A student's own diagnostic: the route's capability (`diagnostic.take`) is a student's only. */
  const studentOf = (principal: { studentId?: string | null | undefined }) => principal.studentId ?? '';
  return {
    setDiagnostic: ({ caller, body }) => diagnostics.setBank(caller.classId, body.bank),
    studentDiagnostic: ({ caller }) =>
      ok(diagnostics.forStudent(caller.classId, studentOf(caller.principal))),
    answerDiagnostic: ({ caller, body }) =>
      diagnostics.answer(caller.classId, studentOf(caller.principal), body),
    diagnosticBank: ({ caller }) => ok(diagnostics.bank(caller.classId) ?? null),
    diagnosticProfiles: ({ caller }) => ok(diagnostics.classTable(caller.classId)),
    previewGrouping: ({ caller, body }) => diagnostics.preview(caller.classId, body),
    scoreGrouping: ({ caller, body }) => diagnostics.score(caller.classId, body.groups, body.mode),
    publishGrouping: ({ caller, body }) => {
      const { groups, ...grouping } = body;
      const published = diagnostics.publish(caller.classId, groups, grouping);
      if (!published.ok) return published;
      const state = classroom.classState(caller.classId);
      return state ? ok(state) : fail('not_found', 'no such class');
    },
    groupDraw: ({ caller }) => ok(diagnostics.draw(caller.principal)),
  };
}
