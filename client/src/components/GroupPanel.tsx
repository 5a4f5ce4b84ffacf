import { Suspense } from 'react';
import type { ClassState, Group, GroupActivity } from '@conjecture/shared';
import { LazyBoardView } from './lazyBoards.js';
import { SILENT_AFTER_MS, teacherViewConnection, timeAgo } from '../classroom/teacherConnections.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';

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
  onOpen: () => void;
  onToggleProjected: (projected: boolean) => void;
  onClearHand: (studentId: string) => void;
}

/** One group on the dashboard: a live read-only thumbnail, who is online, activity, silences and hands. */
export function GroupPanel(props: GroupPanelProps) {
  const { group, cls, activity, hands, now, resolveName } = props;
  const members = cls.students.filter((s) => s.groupId === group.groupId);
  const online = members.filter((m) => cls.online.includes(m.studentId));
  const silent = members.filter((m) => {
    const last = activity?.members.find((a) => a.studentId === m.studentId)?.lastContributionAt ?? null;
    return last === null || now - last > SILENT_AFTER_MS;
  });
  const raised = members.filter((m) => hands.includes(m.studentId));

  return (
    <article className="group-panel" data-testid={`group-${group.name}`} aria-label={group.name}>
      <header className="row">
        <h3>{group.name}</h3>
        <button type="button" onClick={props.onOpen}>
          Open
        </button>
        <label>
          <input
            type="checkbox"
            checked={props.projected}
            disabled={!props.projected && !props.canProjectMore}
            onChange={(e) => props.onToggleProjected(e.target.checked)}
          />{' '}
          On projector
        </label>
      </header>
      <div className="thumbnail">
        <Suspense fallback={<div className="board-message">Loading…</div>}>
          <LazyBoardView
            boardId={group.boardId}
            connection={teacherViewConnection}
            resolveName={resolveName}
            licenseKey={props.licenseKey}
            label={`${group.name}'s board`}
          />
        </Suspense>
      </div>
      <dl className="group-status">
        <dt>Online</dt>
        <dd data-testid="online-count">
          {online.length} of {members.length}
        </dd>
        <dt>Last activity</dt>
        <dd>{timeAgo(activity?.lastActivityAt ?? null, now)}</dd>
        <dt>Quiet for a while</dt>
        <dd data-testid="silent-members">{silent.map((m) => m.displayName).join(', ') || 'nobody'}</dd>
      </dl>
      {raised.length > 0 && (
        <ul className="hands" aria-label="Raised hands">
          {raised.map((m) => (
            <li key={m.studentId}>
              ✋ {m.displayName}{' '}
              <button type="button" onClick={() => props.onClearHand(m.studentId)}>
                Clear
              </button>
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
