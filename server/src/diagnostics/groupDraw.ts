import type { GroupDraw } from '@conjecture/shared';
import { drawnGroups, shownAsDrawn } from '@conjecture/shared';
import type { Principal } from '../classroom/classroomService.js';
import type { ClassroomStore } from '../classroom/classroomStore.js';
import { viewerNames } from '../classroom/viewerNames.js';
import type { DiagnosticStore } from './diagnosticStore.js';

/**
 * The class's groups shown as drawn at random, for one viewer: only after a random draw published untouched
 * (null otherwise). The names are the ones the viewer's class view gives, so whatever the teacher anonymizes
 * for that viewer stays anonymized here too.
 */
export function groupDraw(
  deps: { store: DiagnosticStore; classrooms: ClassroomStore },
  viewer: Principal,
): GroupDraw {
  const publication = deps.store.publicationOf(viewer.classId);
  if (!publication || !shownAsDrawn(publication.grouping)) return null;
  const c = deps.classrooms.getClass(viewer.classId);
  if (!c) return null;
  const students = deps.classrooms.studentsOf(viewer.classId);
  return {
    drawnAt: publication.publishedAt,
    groups: drawnGroups({
      groups: deps.classrooms.groupsOf(viewer.classId),
      students,
      names: viewerNames(viewer, c, students),
    }),
  };
}
