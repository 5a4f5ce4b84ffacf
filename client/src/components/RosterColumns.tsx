import { useRef, useState, type DragEvent } from 'react';
import type { ClassState } from '@conjecture/shared';
import { ConfirmDialog } from './ConfirmDialog.js';
import { GroupColumnControls } from './GroupColumnControls.js';
import { Checkbox } from '../ui/Checkbox.js';
import { IconButton } from '../ui/IconButton.js';
import { Select } from '../ui/Select.js';
import { XIcon } from '../ui/icons.js';
import { useMoreToTheRight } from '../ui/useMoreToTheRight.js';

type Student = ClassState['students'][number];

export interface RosterColumnsProps {
  cls: ClassState;
  onAssign: (studentId: string, groupId: string | null) => void;
  onRemove: (studentId: string, removeMarks: boolean) => void;
  onRenameGroup: (groupId: string, name: string) => Promise<void>;
  onDeleteGroup: (groupId: string, force: boolean) => Promise<void>;
}

const UNGROUPED = '';

/** What an empty column says in place of its list: an empty dashed box reads as something missing. */
function emptyColumnText(cls: ClassState, columnId: string): string {
  if (columnId !== UNGROUPED) return 'No one yet: drag a student here or choose this group on their card.';
  return cls.students.length === 0 ? 'Nobody has joined yet.' : 'Everyone is in a group.';
}
const DRAG_TYPE = 'application/x-conjecture-student';

/** The id of a student's group select: the attention strip brings the teacher to it. */
export const groupSelectId = (studentId: string) => `group-for-${studentId}`;

/**
 * The roster as columns, one per group plus "Not in a group": drag a student to another column, or use
 * the select on each card (keyboard and touch). Online students have a green dot.
 */
export function RosterColumns({ cls, onAssign, onRemove, onRenameGroup, onDeleteGroup }: RosterColumnsProps) {
  const [removing, setRemoving] = useState<Student | null>(null);
  const [removeMarks, setRemoveMarks] = useState(false);
  const [over, setOver] = useState<string | null>(null);
  // Past four groups the columns run off the right edge at 1366 px, cut mid-word with no sign they scroll.
  const scroller = useRef<HTMLElement>(null);
  const more = useMoreToTheRight(scroller);
  const columns = [
    { id: UNGROUPED, name: 'Not in a group', group: null },
    ...cls.groups.map((g) => ({ id: g.groupId, name: g.name, group: g })),
  ];
  const online = new Set(cls.online);
  const members = (columnId: string) => cls.students.filter((s) => (s.groupId ?? UNGROUPED) === columnId);

  const onDrop = (event: DragEvent, columnId: string) => {
    event.preventDefault();
    setOver(null);
    const studentId = event.dataTransfer.getData(DRAG_TYPE);
    const student = cls.students.find((s) => s.studentId === studentId);
    if (student && (student.groupId ?? UNGROUPED) !== columnId) onAssign(studentId, columnId || null);
  };

  return (
    <div className="roster-frame ui-more-right" data-more={more ? 'right' : undefined}>
      <section className="roster" aria-label="Roster" ref={scroller}>
        {columns.map((column) => (
          <div
            key={column.id}
            className="roster-column"
            data-testid={`roster-column-${column.name}`}
            data-drop-target={String(over === column.id)}
            onDragOver={(e) => {
              e.preventDefault();
              e.dataTransfer.dropEffect = 'move';
              setOver(column.id);
            }}
            onDragLeave={() => setOver((o) => (o === column.id ? null : o))}
            onDrop={(e) => onDrop(e, column.id)}
          >
            {column.group ? (
              <GroupColumnControls
                group={column.group}
                groups={cls.groups}
                memberCount={members(column.id).length}
                onRename={onRenameGroup}
                onDelete={onDeleteGroup}
              />
            ) : (
              <h3>{column.name}</h3>
            )}
            {members(column.id).length === 0 && (
              <p className="muted roster-column__empty" data-testid="roster-column-empty">
                {emptyColumnText(cls, column.id)}
              </p>
            )}
            <ul>
              {members(column.id).map((s) => (
                <li
                  key={s.studentId}
                  className="student-card"
                  data-testid={`student-${s.displayName}`}
                  data-online={String(online.has(s.studentId))}
                  draggable
                  onDragStart={(e) => {
                    e.dataTransfer.setData(DRAG_TYPE, s.studentId);
                    e.dataTransfer.effectAllowed = 'move';
                  }}
                >
                  <span
                    className="presence-dot"
                    // a label needs a role: a plain span's aria-label is ignored by screen readers (axe)
                    role="img"
                    aria-label={online.has(s.studentId) ? 'online' : 'offline'}
                  />
                  <span className="student-name">{s.displayName}</span>
                  <Select
                    compact
                    id={groupSelectId(s.studentId)}
                    aria-label={`Group for ${s.displayName}`}
                    value={s.groupId ?? UNGROUPED}
                    onChange={(e) => onAssign(s.studentId, e.target.value || null)}
                  >
                    {columns.map((c) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                      </option>
                    ))}
                  </Select>
                  <IconButton
                    size="sm"
                    variant="danger"
                    label={`Remove ${s.displayName}`}
                    icon={<XIcon aria-hidden size={16} />}
                    onClick={() => setRemoving(s)}
                  />
                </li>
              ))}
            </ul>
          </div>
        ))}
        {removing && (
          <ConfirmDialog
            title={`Remove ${removing.displayName} from the class?`}
            confirmLabel="Remove"
            onCancel={() => setRemoving(null)}
            onConfirm={() => {
              onRemove(removing.studentId, removeMarks);
              setRemoving(null);
              setRemoveMarks(false);
            }}
          >
            <p>Their session ends at once. They can join again with the code if joining is open.</p>
            <Checkbox
              label="Also remove what they drew and wrote on their group's board"
              checked={removeMarks}
              onCheckedChange={setRemoveMarks}
            />
          </ConfirmDialog>
        )}
      </section>
    </div>
  );
}
