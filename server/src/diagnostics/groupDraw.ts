import type { GroupDraw } from '@conjecture/shared';
import { drawnGroups, shownAsDrawn } from '@conjecture/shared';
import type { ClassroomService, Principal } from '../classroom/classroomService.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import type { DiagnosticStore } from './diagnosticStore.js';

/**
 * The class's groups shown as drawn at random, for one viewer: only after a random draw published untouched
 * (null otherwise). The names are the viewer's class view's, so whatever the teacher anonymizes for that
 * viewer stays anonymized here too.
 */
export function groupDraw(
  deps: { store: DiagnosticStore; classrooms: ClassroomStore; classroom: ClassroomService },
  viewer: Principal,
): GroupDraw {
  const publication = deps.store.publicationOf(viewer.classId);
  if (!publication || !shownAsDrawn(publication.grouping)) return null;
  const view = deps.classroom.classView(viewer);
  if (!view) return null;
  return {
    drawnAt: publication.publishedAt,
    groups: drawnGroups({
      groups: deps.classrooms.groupsOf(viewer.classId),
      students: deps.classrooms.studentsOf(viewer.classId),
      names: view.names,
    }),
  };
}
