import type { ClassExport } from '@conjecture/shared';
import { fail, ok } from '@conjecture/shared';
import type { RetentionService } from '../retention/retentionService.js';
import { sent, type RouteHandlers } from './routeAdapter.js';

type RetentionRoutes = 'classRetention' | 'exportClass';

/** A file name any school laptop accepts, from the class's title. */
const slug = (title: string) =>
  title
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 60) || 'class';

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
        .set('Content-Disposition', `attachment; filename="${slug(data.class.title)}-all-data.json"`)
        .send(JSON.stringify(data));
      return sent;
    },
  };
}
