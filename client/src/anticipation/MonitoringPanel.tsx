import { useState, type ReactNode } from 'react';
import type { GroupMonitoring, MonitoringState, Verdict } from '@conjecture/shared';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { labelsUrl, setVerdict } from './anticipationApi.js';
import { AnticipationEditor } from './AnticipationEditor.js';
import { useMonitoring } from './useMonitoring.js';
import { TakeSnapshotButton } from '../discussion/TakeSnapshotButton.js';
import { Badge } from '../ui/Badge.js';
import { Button } from '../ui/Button.js';
import { Table } from '../ui/Table.js';
import { Tooltip } from '../ui/Tooltip.js';
import { Written } from '../ui/Written.js';
import { IconButton } from '../ui/IconButton.js';
import { CheckIcon, DownloadIcon, FlagIcon, XIcon } from '../ui/icons.js';

type Match = GroupMonitoring['matches'][number];

function Cell({
  match,
  onVerdict,
}: {
  match: Match | undefined;
  onVerdict: (verdict: Verdict | null) => void;
}) {
  if (!match) return <td />;
  const evidence = match.evidence.map((e) => e.text).join('\n');
  const shown = match.verdict === 'rejected' ? false : match.matched || match.verdict === 'confirmed';
  const flag = match.kind === 'misconception';
  const label = shown ? 'seen' : '';
  const heard = shown
    ? flag
      ? 'misconception seen'
      : 'seen'
    : match.score > 0
      ? 'partly matched'
      : 'not matched';
  const described = `${heard}, score ${match.score} of ${match.threshold}. ${evidence}`;
  // Some look-fors but not enough: "partly", not "1/2" — in a mathematics class that reads as a half.
  const mark = shown ? (
    <Badge tone={flag ? 'warning' : 'success'} tabIndex={0} aria-label={described}>
      {/* the flag tells a misconception from a strategy beside the badge's colour, for those who cannot see it */}
      {flag ? <FlagIcon aria-hidden size={14} /> : <CheckIcon aria-hidden size={14} />}
      {label}
    </Badge>
  ) : (
    match.score > 0 && (
      <span className="muted monitor-score" tabIndex={0} aria-label={described}>
        partly
      </span>
    )
  );
  return (
    <td
      className={`monitor-cell${shown ? ' monitor-cell--matched' : ''}${flag && shown ? ' monitor-cell--flag' : ''}`}
    >
      {/* Evidence on hover and on focus: our tooltip, and the mark's accessible name. */}
      {mark && evidence ? <Tooltip content={evidence}>{mark}</Tooltip> : mark}
      {(match.matched || match.verdict) && (
        // Icons named in our tooltip: two text buttons did not fit a column and stacked one under the other.
        <span className="monitor-verdict">
          <IconButton
            size="sm"
            variant="secondary"
            label="Confirm this match"
            icon={<CheckIcon aria-hidden />}
            aria-pressed={match.verdict === 'confirmed'}
            onClick={() => onVerdict(match.verdict === 'confirmed' ? null : 'confirmed')}
          />
          <IconButton
            size="sm"
            variant="secondary"
            label="Reject this match"
            icon={<XIcon aria-hidden />}
            aria-pressed={match.verdict === 'rejected'}
            onClick={() => onVerdict(match.verdict === 'rejected' ? null : 'rejected')}
          />
        </span>
      )}
    </td>
  );
}

/** A column's anticipation; what it looks for, in a tooltip (reachable by keyboard, unlike a title). */
function AnticipationHeading({
  title,
  description,
  kind,
}: {
  title: string;
  description: string;
  kind: 'strategy' | 'misconception';
}) {
  const heading = (
    <>
      {title}
      {kind === 'misconception' ? ' (misconception)' : ''}
    </>
  );
  if (!description) return heading;
  return (
    <Tooltip content={description}>
      <span tabIndex={0}>{heading}</span>
    </Tooltip>
  );
}

/**
 * The marks a cell can carry, in words: "partly" and the icons meant nothing to a teacher without a key.
 * The icons repeat the cells' own, so the key reads like the chart.
 */
function MarksKey() {
  return (
    <ul className="monitor-key" aria-label="Key to the marks">
      <li>
        <Badge tone="success">
          <CheckIcon aria-hidden size={14} />
          seen
        </Badge>
        : a strategy you anticipated
      </li>
      <li>
        <Badge tone="warning">
          <FlagIcon aria-hidden size={14} />
          seen
        </Badge>
        : a misconception you anticipated
      </li>
      <li>
        <span className="muted monitor-score">partly</span>: some signs of it, not enough to count yet
      </li>
      <li className="muted">Hover over or focus a mark to see the work behind it.</li>
    </ul>
  );
}

/** Groups × anticipations: each cell's mark, its evidence in a tooltip and its verdict buttons. */
export function MonitoringChart({
  state,
  onVerdict,
}: {
  state: MonitoringState;
  onVerdict: (g: string, a: string, v: Verdict | null) => void;
}) {
  const classId = state.classId;
  return (
    <>
      {state.anticipations.length > 0 && <MarksKey />}
      <Table className="monitor-chart">
        <caption>What each group’s board shows of the strategies and misconceptions you anticipated</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {state.anticipations.map((a) => (
              <th scope="col" key={a.id}>
                <AnticipationHeading title={a.title} description={a.description} kind={a.kind} />
              </th>
            ))}
            <th scope="col">Not anticipated</th>
          </tr>
        </thead>
        <tbody>
          {state.groups.length === 0 && (
            <tr>
              <td colSpan={state.anticipations.length + 2} className="muted">
                No groups yet: each group's row appears here, and fills in as its board matches what you
                anticipated.
              </td>
            </tr>
          )}
          {state.groups.map((g) => (
            <tr key={g.groupId}>
              <th scope="row">
                <span className="monitor-group">
                  <Written>{g.name}</Written>
                  {g.flagged.length > 0 && (
                    <Badge tone="warning" className="monitor-flag">
                      <FlagIcon aria-hidden size={14} />
                      {g.flagged.length}
                      <span className="ui-visually-hidden">
                        {g.flagged.length === 1 ? ' misconception seen' : ' misconceptions seen'}
                      </span>
                    </Badge>
                  )}
                  {/* The card's capture, here too: the gallery and the plan are in this tab, the cards in another. */}
                  <TakeSnapshotButton
                    classId={classId}
                    groupId={g.groupId}
                    size="sm"
                    compact
                    label={`Take a snapshot of ${g.name}`}
                  />
                </span>
              </th>
              {state.anticipations.map((a) => (
                <Cell
                  key={a.id}
                  match={g.matches.find((m) => m.anticipationId === a.id)}
                  onVerdict={(v) => onVerdict(g.groupId, a.id, v)}
                />
              ))}
              <td>
                {g.notAnticipated.length > 0 ? (
                  <Tooltip content={g.notAnticipated.map((e) => e.text).join('\n')}>
                    <span
                      tabIndex={0}
                      aria-label={`not anticipated: ${g.notAnticipated.map((e) => e.text).join('; ')}`}
                    >
                      {g.notAnticipated.length} item{g.notAnticipated.length > 1 ? 's' : ''}
                    </span>
                  </Tooltip>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

/** The teacher's monitoring chart and the anticipations editor: one mount point on the dashboard. */
export function MonitoringPanel({
  classId,
  socket,
  signedIn,
  below,
}: {
  classId: string;
  socket: ClassSocket | null;
  signedIn: boolean;
  /** What the dashboard shows under the chart from the same state (the next purposeful questions). */
  below?: (state: MonitoringState) => ReactNode;
}) {
  const monitoring = useMonitoring(classId, socket, signedIn);
  const [editing, setEditing] = useState(false);
  const verdict = (groupId: string, anticipationId: string, v: Verdict | null) => {
    void setVerdict(classId, groupId, anticipationId, v).then(monitoring.setState, (e: unknown) =>
      monitoring.setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <section className="monitoring" aria-label="Monitoring">
      <h2>Monitoring</h2>
      {monitoring.error && <p role="alert">{monitoring.error}</p>}
      {monitoring.state ? <MonitoringChart state={monitoring.state} onVerdict={verdict} /> : <p>Loading…</p>}
      {monitoring.state?.anticipations.length === 0 && (
        <p className="muted" data-testid="no-anticipations">
          No anticipations for this task yet. Add the strategies and misconceptions you expect under Edit
          anticipations: the chart matches each group’s board against them as the work comes in.
        </p>
      )}
      {monitoring.state && below?.(monitoring.state)}
      <div className="row monitor-actions">
        <Button aria-expanded={editing} onClick={() => setEditing((e) => !e)}>
          {editing ? 'Close the anticipations' : 'Edit anticipations'}
        </Button>
        <Button asChild>
          <a href={labelsUrl(classId)} download>
            <DownloadIcon aria-hidden="true" />
            Download your confirmed and rejected matches (for retraining)
          </a>
        </Button>
      </div>
      {editing && monitoring.state && (
        <AnticipationEditor
          classId={classId}
          anticipations={monitoring.state.anticipations}
          onChanged={monitoring.reload}
        />
      )}
    </section>
  );
}
