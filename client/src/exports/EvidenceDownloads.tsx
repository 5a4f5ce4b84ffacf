import { useMemo, useState } from 'react';
import type { Role } from '@conjecture/shared';
import { Button } from '../ui/Button.js';
import { DropdownMenu, type MenuItem } from '../ui/DropdownMenu.js';
import { DownloadIcon } from '../ui/icons.js';
import { download } from '../api/downloads.js';
import { TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import { teacherCommands } from '../classroom/teacherCommands.js';
import { CoachLinkDialog } from '../coach/CoachLinkDialog.js';
import { exportMenu, type ExportDownload } from './exportMenu.js';
import './exports.css';

interface EvidenceDownloadsProps {
  classId: string;
  /** The teacher's cookie by default, or a coach's token. */
  auth?: ClassAuth;
  /** Whose menu it is: it lists what that role may do (the server refuses the rest all the same). */
  role?: Role;
}

/**
 * The Export menu: the lesson's evidence pack (PDF for people, ZIP for tools), every group board as a PDF,
 * the discussion as slides, all of the class's data as JSON, and each CSV table (one board: its card's
 * Download). All are made by the server from what it holds (see docs/evidence.md). The teacher's menu also
 * shares the evidence with a coach, whose own page shows the same menu without what only the teacher may do.
 */
export function EvidenceDownloads({
  classId,
  auth = TEACHER_AUTH,
  role = 'teacher',
}: EvidenceDownloadsProps) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sharing, setSharing] = useState(false);
  const commands = useMemo(() => teacherCommands(classId), [classId]);
  const get = (entry: ExportDownload) => () => {
    setBusy(entry.name);
    setError(null);
    download(entry.url, auth, entry.fallbackFileName)
      .catch((e: unknown) => setError(`${entry.name}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(null));
  };
  const entries = exportMenu(classId, role);
  const items: MenuItem[] = entries.map((entry) => ({
    label: entry.label,
    onSelect: entry.kind === 'download' ? get(entry) : () => setSharing(true),
  }));
  const mayShare = entries.some((entry) => entry.kind === 'shareWithCoach');
  return (
    <div className="evidence-downloads">
      <DropdownMenu
        trigger={
          <Button variant="secondary" aria-busy={busy !== null || undefined}>
            <DownloadIcon aria-hidden="true" />
            {busy ? 'Preparing…' : 'Export'}
          </Button>
        }
        items={items}
      />
      {mayShare && <CoachLinkDialog open={sharing} onOpenChange={setSharing} commands={commands} />}
      {error && (
        <p role="alert" className="evidence-downloads__error">
          {error}
        </p>
      )}
    </div>
  );
}
