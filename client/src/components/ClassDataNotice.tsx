import { useEffect, useState } from 'react';
import { routes, routeUrl, type Retention } from '@conjecture/shared';
import { api } from '../api/http.js';
import { Button } from '../ui/index.js';

/** Where the teacher downloads everything the server holds about the class (one JSON document). */
export const classExportUrl = (classId: string) => routeUrl(routes.exportClass, { classId });

const dateOf = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The class's data: a download of all of it, and — when the district set a retention period — the date it
 * will be deleted if the class stays idle, so nothing disappears unannounced.
 */
export function ClassDataNotice({ classId }: { classId: string }) {
  const [retention, setRetention] = useState<Retention | null>(null);
  useEffect(() => {
    let current = true;
    api
      .classRetention({ params: { classId } })
      .then((r) => current && setRetention(r))
      .catch(() => current && setRetention(null));
    return () => {
      current = false;
    };
  }, [classId]);
  return (
    <div className="class-data row" data-testid="class-data">
      {retention?.deleteAfter != null && (
        <p className="muted">
          Kept until {dateOf(retention.deleteAfter)}: classes are deleted {retention.retentionDays} days after
          their last activity.
        </p>
      )}
      <Button asChild size="sm">
        <a href={classExportUrl(classId)} download>
          Download all data
        </a>
      </Button>
    </div>
  );
}
