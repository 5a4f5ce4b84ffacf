import { useEffect, useState } from 'react';
import type { Retention } from '@conjecture/shared';
import { api } from '../api/http.js';
import { Button } from '../ui/Button.js';
import { ConfirmDialog } from './ConfirmDialog.js';

const dateOf = (at: number) =>
  new Date(at).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });

/**
 * The page's foot: how long the class is kept (when the district set a retention period, so nothing
 * disappears unannounced) and deleting it — away from the live controls, where a slip mid-lesson would end
 * the class for everyone.
 */
export function ClassDataFooter({ classId, onDelete }: { classId: string; onDelete: () => void }) {
  const [retention, setRetention] = useState<Retention | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
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
    <footer className="class-data" data-testid="class-data">
      <p className="muted">
        {retention?.deleteAfter != null &&
          `Kept until ${dateOf(retention.deleteAfter)}: classes are deleted ${retention.retentionDays} days after their last activity. `}
        To keep a copy, download “All class data (JSON)” from the Export menu.
      </p>
      <Button variant="danger" onClick={() => setConfirmDelete(true)}>
        Delete the class
      </Button>
      {confirmDelete && (
        <ConfirmDialog
          title="Delete this class and all its data?"
          confirmLabel="Delete for good"
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => {
            setConfirmDelete(false);
            onDelete();
          }}
        >
          <p>
            Every board, answer and name is deleted from the server, and students' browsers clear their
            copies. This cannot be undone: to keep a copy, first download “All class data (JSON)” from the
            Export menu.
          </p>
        </ConfirmDialog>
      )}
    </footer>
  );
}
