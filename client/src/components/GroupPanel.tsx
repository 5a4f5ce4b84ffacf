import { Suspense, useRef, useState } from 'react';
import type {
  ClassState,
  FitOptions,
  Group,
  GroupActivity,
  GroupParticipation,
  ParticipationOptions,
} from '@conjecture/shared';
import { LazyBoardView } from './lazyBoards.js';
import { SILENT_AFTER_MS, teacherViewConnection } from '../classroom/teacherConnections.js';
import { lastActivityLabel } from '../classroom/lastActivityLabel.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { Badge } from '../ui/Badge.js';
import { Button } from '../ui/Button.js';
import { Switch } from '../ui/Switch.js';
import { Tooltip } from '../ui/Tooltip.js';
import { useClamped } from '../ui/useClamped.js';
import { Written } from '../ui/Written.js';
import { ExpandIcon, HandIcon, ReplayIcon } from '../ui/icons.js';
import { TakeSnapshotButton, type SnapshotStatus } from '../discussion/TakeSnapshotButton.js';
import { ParticipationBar } from '../evidence/ParticipationBar.js';
import { GroupBoardDownloads } from '../exports/GroupBoardDownloads.js';
import { BoardThumbnailView } from '../thumbnails/BoardThumbnailView.js';
import { thumbnailDesign } from '../thumbnails/thumbnailDesign.js';

interface GroupPanelProps {
  group: Group;
  cls: ClassState;
  activity: GroupActivity | undefined;
  hands: string[];
  now: number;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  projected: boolean;
  canProjectMore: boolean;
  /** The group's participation balance (null until the first report) and the report's thresholds. */
  participation: GroupParticipation | undefined;
  participationOptions: ParticipationOptions | undefined;
  onOpen: () => void;
  onReplay: () => void;
  onToggleProjected: (projected: boolean) => void;
  onClearHand: (studentId: string) => void;
}

/**
 * A thumbnail frames the work a little closer than the projector would, and never past 150 %; below the
 * corner's "open" icon (app.css `.thumbnail__open`: its padding and the icon's, about 34 px), which sat over
 * the top right of a task card that filled the thumbnail.
 */
const THUMBNAIL_FIT: FitOptions = { paddingPx: 10, maxZoom: 1.5, insets: { top: 36 } };
/**
 * Under the note along an empty board's foot (app.css `.thumbnail__empty`: its line, padding and offset, about
 * 37 px): the board is framed above it. Framed over the whole thumbnail, a long task's card ran down behind
 * the note, its last line and border hidden.
 */
const THUMBNAIL_FIT_ABOVE_NOTE: FitOptions = { ...THUMBNAIL_FIT, insets: { top: 36, bottom: 40 } };

/**
 * Words for a card with no group work to show: nobody to do it, or no contribution from its members yet (the
 * participation report the bar below reads; the teacher's task cards are not the group's work, and the
 * board's activity counts any change, a cursor's among them). Nothing while the report is loading.
 */
function emptyBoardNote(members: number, participation: GroupParticipation | undefined): string | null {
  if (members === 0) return 'No one in this group yet';
  return participation?.contributions === 0 ? 'No work from the group yet' : null;
}

/** One group on the dashboard: a live read-only thumbnail (click to open), who is online, silences, hands. */
export function GroupPanel(props: GroupPanelProps) {
  const { group, cls, activity, hands, now, resolveName } = props;
  const members = cls.students.filter((s) => s.groupId === group.groupId);
  const online = members.filter((m) => cls.online.includes(m.studentId));
  const silent = members.filter((m) => {
    const last = activity?.members.find((a) => a.studentId === m.studentId)?.lastContributionAt ?? null;
    return last === null || now - last > SILENT_AFTER_MS;
  });
  const raised = members.filter((m) => hands.includes(m.studentId));
  const design = thumbnailDesign();
  const heading = useRef<HTMLHeadingElement>(null);
  const nameClamped = useClamped(heading, group.name);
  const emptyNote = emptyBoardNote(members.length, props.participation);
  const fit = emptyNote ? THUMBNAIL_FIT_ABOVE_NOTE : THUMBNAIL_FIT;
  const lastActivityAt = activity?.lastActivityAt ?? null;
  // The note over an empty board already says nothing was done: "No edits yet" under it said it again.
  const activityLine = lastActivityAt === null && emptyNote ? '' : lastActivityLabel(lastActivityAt, now);
  const [snapshot, setSnapshot] = useState<SnapshotStatus | null>(null);
  // A taken snapshot is said once, in the footer's line, until the board changes after it (the snapshot
  // itself is in the discussion plan's gallery); a refusal stays until the next press.
  const snapshotLine =
    snapshot && (snapshot.takenAt === null || lastActivityAt === null || lastActivityAt <= snapshot.takenAt)
      ? snapshot.message
      : '';

  return (
    <article
      className="group-panel"
      data-testid={`group-${group.name}`}
      data-hand={raised.length > 0 || undefined}
      aria-label={group.name}
    >
      <header className="group-panel__header">
        {/* Two lines at most (app.css); where they cut the name, the whole of it on hover. */}
        <Tooltip content={<Written>{group.name}</Written>} enabled={nameClamped}>
          <h3 ref={heading}>
            <Written>{group.name}</Written>
          </h3>
        </Tooltip>
        {raised.length > 0 && (
          <Badge tone="attention">
            <HandIcon aria-hidden size={14} /> {raised.length}
          </Badge>
        )}
        <Badge tone={online.length > 0 ? 'success' : 'neutral'} data-testid="online-count">
          {online.length} of {members.length} online
        </Badge>
        <Button size="sm" onClick={props.onOpen}>
          Open
        </Button>
      </header>
      <div className="thumbnail">
        {design === 'svg' ? (
          <BoardThumbnailView
            boardId={group.boardId}
            connection={teacherViewConnection}
            label={`${group.name}'s board`}
            resolveName={resolveName}
            fit={fit}
          />
        ) : design === 'editor' ? (
          <Suspense fallback={<div className="board-message">Loading…</div>}>
            <LazyBoardView
              boardId={group.boardId}
              connection={teacherViewConnection}
              resolveName={resolveName}
              licenseKey={props.licenseKey}
              label={`${group.name}'s board`}
              fit={fit}
            />
          </Suspense>
        ) : null}
        {emptyNote && <p className="thumbnail__empty">{emptyNote}</p>}
        {/* Over the canvas, so a click (or Enter) anywhere on the thumbnail opens the board large. */}
        <button
          type="button"
          className="thumbnail__open"
          onClick={props.onOpen}
          aria-label={`Open ${group.name}'s board`}
        >
          <ExpandIcon aria-hidden className="thumbnail__open-icon" />
        </button>
      </div>
      <div className="group-panel__footer">
        <Switch
          label="On projector"
          checked={props.projected}
          disabled={!props.projected && !props.canProjectMore}
          onCheckedChange={props.onToggleProjected}
        />
        {/* One line: the snapshot's outcome in place of the activity while it holds, in a status region
            that is always there so the outcome is announced. */}
        <span className="muted">
          <span role="status" data-testid="snapshot-status">
            {snapshotLine}
          </span>
          {!snapshotLine && activityLine}
        </span>
      </div>
      <div className="group-panel__actions">
        <TakeSnapshotButton classId={cls.classId} groupId={group.groupId} size="sm" onStatus={setSnapshot} />
        <Button size="sm" onClick={props.onReplay} aria-label={`Replay ${group.name}'s board`}>
          <ReplayIcon aria-hidden size={16} /> Replay
        </Button>
        <GroupBoardDownloads
          boardId={group.boardId}
          name={group.name}
          auth={{ teacher: true }}
          pdf={{ classId: cls.classId, groupId: group.groupId }}
          boardFile
        />
      </div>
      <ParticipationBar
        participation={props.participation}
        options={props.participationOptions}
        members={members}
      />
      {/* Only when someone is quiet: a line saying nobody is took a row the grid needs at 1366×768. */}
      {silent.length > 0 && (
        <p className="group-panel__quiet">
          Quiet for a while:{' '}
          <span data-testid="silent-members">{silent.map((m) => m.displayName).join(', ')}</span>
        </p>
      )}
      {raised.length > 0 && (
        <ul className="hands" aria-label="Raised hands">
          {raised.map((m) => (
            <li key={m.studentId}>
              <HandIcon aria-hidden size={16} /> {m.displayName}
              <Button size="sm" variant="ghost" onClick={() => props.onClearHand(m.studentId)}>
                Clear
              </Button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
