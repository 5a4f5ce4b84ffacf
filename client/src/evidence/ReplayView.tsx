import { useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { can, REPLAY_SPEEDS, type ReplaySpeed, type Role } from '@conjecture/shared';
import { TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { Button } from '../ui/Button.js';
import { Select } from '../ui/Select.js';
import { Slider } from '../ui/Slider.js';
import { PauseIcon, PlayIcon } from '../ui/icons.js';
import { DiscourseTimeline } from './DiscourseTimeline.js';
import { currentEntry } from './currentEntry.js';
import { groupShapeCount, lessonRecordIds } from './groupShapes.js';
import { ReplayCanvas } from './ReplayCanvas.js';
import { replayStatus } from './replayStatus.js';
import { RestoreMoment } from './RestoreMoment.js';
import { useOverlayFocus } from '../ui/useOverlayFocus.js';
import { useReplay } from './useReplay.js';

interface ReplayViewProps {
  classId: string;
  groupId: string;
  groupName: string;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  onClose: () => void;
  /** Who reads the replay: the teacher (cookie) by default, or a coach (token), who may restore nothing. */
  auth?: ClassAuth;
  role?: Role;
  /** The button back to the page under the replay. */
  closeLabel?: string;
}

/**
 * A group's board over the lesson: the board at any moment (scrub, play, pause, 1–8×) from the server's
 * update log, and beside it the group's discourse timeline; choosing a moment of talk shows the board then.
 */
export function ReplayView({
  classId,
  groupId,
  groupName,
  resolveName,
  licenseKey,
  onClose,
  auth = TEACHER_AUTH,
  role = 'teacher',
  closeLabel = 'Back to the dashboard',
}: ReplayViewProps) {
  const replay = useReplay(classId, groupId, auth);
  const { load, position, records } = replay;
  /** The timeline entry the teacher chose, and the position choosing it showed. */
  const [chosen, setChosen] = useState<{ index: number; position: number } | null>(null);
  // The replay covers the page: modal for the keyboard, from its title, and Escape goes back.
  const overlay = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useOverlayFocus(overlay, heading);
  const framing = useMemo(
    () => (load.phase === 'ready' ? load.timeline.recordsAt(load.timeline.end) : null),
    [load],
  );
  const lesson = useMemo(() => lessonRecordIds(load.phase === 'ready' ? load.timeline.steps : []), [load]);
  // The time shown: the chosen talk's while the board stays where choosing it put it — the update it follows
  // was stored a moment before it, and the two clocks disagreed — else when the shown update was stored.
  // Before the first update, none: nobody had written yet.
  const shownAt =
    load.phase !== 'ready' || position === 0
      ? null
      : chosen?.position === position
        ? (load.replay.timeline[chosen.index]?.at ?? null)
        : load.timeline.timeAt(position);

  const header = (
    <header className="replay__header">
      <h2 ref={heading} tabIndex={-1}>
        Replay: {groupName}
      </h2>
      <div className="row">
        {load.phase === 'ready' && can(role, 'boards.restore') && (
          <RestoreMoment
            classId={classId}
            groupId={groupId}
            groupName={groupName}
            position={position}
            end={load.timeline.end}
            at={shownAt}
            onRestored={replay.reload}
          />
        )}
        <Button onClick={replay.reload} disabled={load.phase === 'loading'}>
          Load the latest
        </Button>
        <Button onClick={onClose}>{closeLabel}</Button>
      </div>
    </header>
  );
  // Into <body>, beside the page rather than in it, so the whole page can be made inert under it.
  const shell = (body: ReactNode) =>
    createPortal(
      <div
        ref={overlay}
        className="replay"
        data-testid="replay"
        role="dialog"
        aria-modal="true"
        aria-label={`Replay of ${groupName}'s board`}
        onKeyDown={(event) => {
          // Not an Escape from the restore confirmation (a portal of its own, outside this element).
          if (event.key === 'Escape' && overlay.current?.contains(event.target as Node)) onClose();
        }}
      >
        {header}
        {body}
      </div>,
      document.body,
    );
  if (load.phase !== 'ready' || !records || !framing)
    return shell(
      <p className="board-message" role={load.phase === 'failed' ? 'alert' : 'status'}>
        {load.phase === 'failed' ? `Cannot open the replay: ${load.message}` : 'Loading the lesson…'}
      </p>,
    );

  const { timeline, replay: data } = load;
  const shapes = groupShapeCount(records, lesson);
  const status = replayStatus(position, timeline.end, shownAt, shapes);
  return shell(
    <>
      <div className="replay__body">
        <div className="replay__board" data-position={position} data-shapes={shapes}>
          <ReplayCanvas
            records={records}
            framing={framing}
            licenseKey={licenseKey}
            label={
              position === 0
                ? `${groupName}'s board before anyone wrote`
                : `${groupName}'s board after change ${position}`
            }
          />
        </div>
        <aside className="replay__timeline stack" aria-label="The group's talk">
          <h3>Talk and questions</h3>
          <DiscourseTimeline
            entries={data.timeline}
            current={currentEntry(
              data.timeline,
              timeline.steps[position]?.at ?? Infinity,
              chosen?.position === position ? chosen.index : null,
            )}
            resolveName={resolveName}
            viewerCorrects={can(role, 'tags.correct')}
            onJump={(index) => {
              const to = timeline.positionAt(data.timeline[index]?.at ?? 0);
              setChosen({ index, position: to });
              replay.seek(to);
            }}
          />
        </aside>
      </div>
      <div className="replay__controls">
        {replay.playing ? (
          <Button onClick={replay.pause}>
            <PauseIcon aria-hidden /> Pause
          </Button>
        ) : (
          <Button variant="primary" onClick={replay.play} disabled={timeline.end === 0}>
            <PlayIcon aria-hidden /> Play
          </Button>
        )}
        <Slider
          className="replay__scrubber"
          label="Replay position"
          value={position}
          min={0}
          max={timeline.end}
          onValueChange={replay.seek}
          valueText={status}
          disabled={timeline.end === 0}
        />
        <label className="replay__speed">
          Speed
          <Select
            compact
            value={String(replay.speed)}
            onChange={(e) => replay.setSpeed(Number(e.target.value) as ReplaySpeed)}
          >
            {REPLAY_SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </Select>
        </label>
        <span className="replay__status" role="status" data-testid="replay-status">
          {status}
        </span>
      </div>
    </>,
  );
}
