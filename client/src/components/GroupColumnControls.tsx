import { useState } from 'react';
import { DISPLAY_NAME_MAX, type Group } from '@conjecture/shared';
import { checkGroupName, errorText, refusedForWork } from '../classroom/groupEditing.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import { Button } from '../ui/Button.js';
import { TextField } from '../ui/TextField.js';

interface GroupColumnControlsProps {
  group: Group;
  groups: readonly Group[];
  memberCount: number;
  /** Resolve when the server accepted; throw to show the refusal. */
  onRename: (groupId: string, name: string) => Promise<void>;
  onDelete: (groupId: string, force: boolean) => Promise<void>;
}

type Deleting = null | { force: false } | { force: true; reason: string };

/**
 * A group column's heading: its name with Rename (an inline field: Enter saves, Escape cancels) and
 * Delete group (confirmed; when the server says the group holds work, a second confirmation names it).
 */
export function GroupColumnControls({
  group,
  groups,
  memberCount,
  onRename,
  onDelete,
}: GroupColumnControlsProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Deleting>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (draft === null || busy) return;
    const checked = checkGroupName(draft, group, groups);
    if (!checked.ok) return setError(checked.message);
    if (checked.name === null) return setDraft(null);
    setBusy(true);
    try {
      await onRename(group.groupId, checked.name);
      setDraft(null);
      setError(null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const confirmDelete = async (force: boolean) => {
    setBusy(true);
    try {
      await onDelete(group.groupId, force);
      setDeleting(null);
    } catch (e) {
      if (!force && refusedForWork(e)) setDeleting({ force: true, reason: e.message });
      else {
        setDeleting(null);
        setError(errorText(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const members = `${memberCount} student${memberCount === 1 ? '' : 's'}`;
  return (
    <div className="group-column-heading">
      {draft === null ? (
        <>
          <h3>{group.name}</h3>
          {/* The two actions wrap as one: never "Delete group" alone on a row under the name and "Rename". */}
          <span className="group-column-actions">
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Rename ${group.name}`}
              onClick={() => {
                setDraft(group.name);
                setError(null);
              }}
            >
              Rename
            </Button>
            <Button
              size="sm"
              variant="ghost"
              aria-label={`Delete group ${group.name}`}
              onClick={() => {
                setDeleting({ force: false });
                setError(null);
              }}
            >
              Delete group
            </Button>
          </span>
        </>
      ) : (
        // While renaming, the field carries the refusal (marked invalid and described by it).
        <TextField
          className="group-column-rename"
          label={`New name for ${group.name}`}
          hideLabel
          error={error}
          value={draft}
          maxLength={DISPLAY_NAME_MAX}
          autoFocus
          disabled={busy}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
      )}
      {draft === null && error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      {deleting && (
        <ConfirmDialog
          title={deleting.force ? `${group.name} has work on it` : `Delete ${group.name}?`}
          confirmLabel={deleting.force ? 'Delete the group and its work' : 'Delete group'}
          onCancel={() => setDeleting(null)}
          onConfirm={() => void confirmDelete(deleting.force)}
        >
          {deleting.force ? (
            <p role="alert">{deleting.reason}.</p>
          ) : (
            <p>
              Its {members} stay in the class without a group until you put them in another one. An empty
              board is deleted with the group; if it holds work you will be asked again.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
