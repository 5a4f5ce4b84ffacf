import { useMemo, useState } from 'react';
import { can, CSV_TABLES, CSV_TABLE_NAMES, type Capability, type Role } from '@conjecture/shared';
import { Button } from '../ui/Button.js';
import { DropdownMenu, type MenuItem } from '../ui/DropdownMenu.js';
import { DownloadIcon } from '../ui/icons.js';
import { download, downloadUrl } from '../api/downloads.js';
import { TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import { teacherCommands } from '../classroom/teacherCommands.js';
import { CoachLinkDialog } from '../coach/CoachLinkDialog.js';
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
  const get = (label: string, url: string, fallback: string) => () => {
    setBusy(label);
    setError(null);
    download(url, auth, fallback)
      .catch((e: unknown) => setError(`${label}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(null));
  };
  const params = { classId };
  // Each item with the capability its route needs (shared/src/protocol/routes.ts).
  const items: (MenuItem & { needs: Capability })[] = [
    {
      label: 'Evidence pack (PDF)',
      needs: 'evidence.export',
      onSelect: get('Evidence pack (PDF)', downloadUrl('evidencePdf', params), 'evidence.pdf'),
    },
    {
      label: 'Evidence pack (ZIP of CSV and JSON)',
      needs: 'evidence.export',
      onSelect: get('Evidence pack (ZIP)', downloadUrl('evidenceZip', params), 'evidence.zip'),
    },
    {
      label: 'Discussion slides (PDF)',
      needs: 'discussion.view',
      onSelect: get('Discussion slides', downloadUrl('exportDiscussionPdf', params), 'discussion.pdf'),
    },
    {
      label: 'All group boards (PDF)',
      needs: 'evidence.export',
      onSelect: get('All group boards', downloadUrl('exportBoardsPdf', params), 'boards.pdf'),
    },
    // Everything the server holds about the class, for the teacher's own records before a deletion.
    {
      label: 'All class data (JSON)',
      needs: 'class.manage',
      onSelect: get('All class data', downloadUrl('exportClass', params), 'class.json'),
    },
    ...CSV_TABLE_NAMES.map((name) => ({
      label: `Table: ${CSV_TABLES[name].file}`,
      needs: 'evidence.export' as const,
      onSelect: get(
        CSV_TABLES[name].file,
        downloadUrl('exportCsv', { classId, csvTable: name }),
        CSV_TABLES[name].file,
      ),
    })),
    { label: 'Share with a coach…', needs: 'class.manage', onSelect: () => setSharing(true) },
  ];
  const mayShare = can(role, 'class.manage');
  return (
    <div className="evidence-downloads">
      <DropdownMenu
        trigger={
          <Button variant="secondary" aria-busy={busy !== null || undefined}>
            <DownloadIcon aria-hidden="true" />
            {busy ? 'Preparing…' : 'Export'}
          </Button>
        }
        items={items.filter((item) => can(role, item.needs))}
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
