import { fail, ok } from '@conjecture/shared';
import type { ReflectionService } from '../reflections/reflectionService.js';
import type { RouteHandlers } from './routeAdapter.js';

type ReflectionRoutes = 'myReflection' | 'putMyReflection' | 'listReflections' | 'myWork';

export function reflectionHandlers({
  reflections,
}: {
  reflections: ReflectionService;
}): Pick<RouteHandlers, ReflectionRoutes> {
  // Only a student has `reflection.write`, and a student's principal always names them.
  const me = (studentId: string | null) => studentId ?? '';
  return {
    myReflection: ({ caller }) => ok(reflections.mine(caller.classId, me(caller.principal.studentId))),
    putMyReflection: ({ caller, body }) =>
      caller.principal.studentId
        ? reflections.save(caller.classId, caller.principal.studentId, body)
        : fail('forbidden', 'only a student writes a reflection'),
    listReflections: ({ caller }) => ok(reflections.list(caller.classId)),
    myWork: ({ caller }) => reflections.myWork(caller.classId, me(caller.principal.studentId)),
  };
}
