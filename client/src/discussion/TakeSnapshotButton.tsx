import { useRef, useState } from 'react';
import type { PageRegion } from '@conjecture/shared';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import { CameraIcon } from '../ui/icons.js';
import { takeSnapshot } from './discussionApi.js';

interface TakeSnapshotButtonProps {
  classId: string;
  groupId: string;
  /** The region to capture, read when pressed (the opened board's selection or view); null: the whole board. */
  region?: () => PageRegion | null;
  size?: 'sm' | 'md';
  disabled?: boolean;
  /** The button's accessible name where several sit together (the monitoring chart's rows). */
  label?: string;
  /** A camera icon named by `label` (in our tooltip): a row where the group's name beside it says whose. */
  compact?: boolean;
  /**
   * Where the outcome goes when the caller shows it in a status line of its own (a group card's footer);
   * without it, the outcome is a line beside the button.
   */
  onStatus?: (status: SnapshotStatus) => void;
}

/** What came of a press: the line to show, and the server's time of the snapshot (null: none was taken). */
export interface SnapshotStatus {
  message: string;
  takenAt: number | null;
}

/** "Take a snapshot": the server captures the group's board (or the region) as it holds it now. */
export function TakeSnapshotButton({
  classId,
  groupId,
  region,
  size = 'md',
  disabled,
  label,
  compact = false,
  onStatus,
}: TakeSnapshotButtonProps) {
  const [status, setOwnStatus] = useState<string>('');
  const setStatus = (message: string, takenAt: number | null = null) =>
    onStatus ? onStatus({ message, takenAt }) : setOwnStatus(message);
  const [busy, setBusy] = useState(false);
  // Busy from the click on: a second click that lands before React has drawn the button disabled is refused.
  const inFlight = useRef(false);
  const take = async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    try {
      const snapshot = await takeSnapshot(classId, groupId, region?.() ?? null);
      setStatus(
        `Snapshot taken: ${snapshot.shapeCount} item${snapshot.shapeCount === 1 ? '' : 's'}`,
        snapshot.takenAt,
      );
    } catch (error) {
      setStatus(`No snapshot: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };
  return (
    <span className="take-snapshot">
      {compact ? (
        <IconButton
          size={size}
          variant="secondary"
          label={label ?? 'Take a snapshot'}
          icon={<CameraIcon aria-hidden />}
          onClick={() => void take()}
          disabled={disabled || busy}
          aria-busy={busy}
        />
      ) : (
        <Button
          size={size}
          aria-label={label}
          onClick={() => void take()}
          disabled={disabled || busy}
          aria-busy={busy}
        >
          <CameraIcon aria-hidden /> Take a snapshot
        </Button>
      )}
      {!onStatus && (
        <span role="status" className="muted take-snapshot__status" data-testid="snapshot-status">
          {status}
        </span>
      )}
    </span>
  );
}
