import type { ClassExport } from '@conjecture/shared';
import { fail, fileStem, ok } from '@conjecture/shared';
import type { RetentionService } from '../retention/retentionService.js';
import { sent, type RouteHandlers } from './routeAdapter.js';

type RetentionRoutes = 'classRetention' | 'exportClass';

export function retentionHandlers({
  retention,
  exportOf,
}: {
  retention: RetentionService;
  exportOf: (classId: string) => ClassExport | undefined;
}): Pick<RouteHandlers, RetentionRoutes> {
  return {
    classRetention: ({ caller }) => {
      const answer = retention.retention(caller.classId);
      return answer ? ok(answer) : fail('not_found', 'no such class');
    },
    exportClass: ({ caller, res }) => {
      const data = exportOf(caller.classId);
      if (!data) return fail('not_found', 'no such class');
      res
        .type('application/json')
        .set(
          'Content-Disposition',
          `attachment; filename="${fileStem(data.class.title, 'class')}-all-data.json"`,
        )
        .send(JSON.stringify(data));
      return sent;
    },
  };
}
