import { useEffect, useState } from 'react';
import type { Retention } from '@conjecture/shared';
import { api } from '../api/http.js';

const dateOf = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * When the district set a retention period: the date the class will be deleted if it stays idle, so nothing
 * disappears unannounced (Export › "All class data (JSON)" keeps a copy). Nothing when classes are kept.
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
  if (retention?.deleteAfter == null) return null;
  return (
    <footer className="class-data" data-testid="class-data">
      <p className="muted">
        Kept until {dateOf(retention.deleteAfter)}: classes are deleted {retention.retentionDays} days after
        their last activity. Export › All class data (JSON) keeps a copy.
      </p>
    </footer>
  );
}
