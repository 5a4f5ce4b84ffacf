import { useState } from 'react';
import { CSV_TABLES, CSV_TABLE_NAMES } from '@conjecture/shared';
import { Button } from '../ui/Button.js';
import { DropdownMenu, type MenuItem } from '../ui/DropdownMenu.js';
import { DownloadIcon } from '../ui/icons.js';
import { download, downloadUrl } from '../api/downloads.js';
import './exports.css';

const TEACHER = { teacher: true } as const;

/**
 * The dashboard's Export menu: the lesson's evidence pack (PDF for people, ZIP for tools), every group board
 * as a PDF, the discussion as slides, all of the class's data as JSON, and each CSV table (one board: its
 * card's Download). All are made by the server from what it
 * holds (see docs/evidence.md); the teacher's cookie authorizes them.
 */
export function EvidenceDownloads({ classId }: { classId: string }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const get = (label: string, url: string, fallback: string) => () => {
    setBusy(label);
    setError(null);
    download(url, TEACHER, fallback)
      .catch((e: unknown) => setError(`${label}: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(null));
  };
  const params = { classId };
  const items: MenuItem[] = [
    {
      label: 'Evidence pack (PDF)',
      onSelect: get('Evidence pack (PDF)', downloadUrl('evidencePdf', params), 'evidence.pdf'),
    },
    {
      label: 'Evidence pack (ZIP of CSV and JSON)',
      onSelect: get('Evidence pack (ZIP)', downloadUrl('evidenceZip', params), 'evidence.zip'),
    },
    {
      label: 'Discussion slides (PDF)',
      onSelect: get('Discussion slides', downloadUrl('exportDiscussionPdf', params), 'discussion.pdf'),
    },
    {
      label: 'All group boards (PDF)',
      onSelect: get('All group boards', downloadUrl('exportBoardsPdf', params), 'boards.pdf'),
    },
    // Everything the server holds about the class, for the teacher's own records before a deletion.
    {
      label: 'All class data (JSON)',
      onSelect: get('All class data', downloadUrl('exportClass', params), 'class.json'),
    },
    ...CSV_TABLE_NAMES.map((name) => ({
      label: `Table: ${CSV_TABLES[name].file}`,
      onSelect: get(
        CSV_TABLES[name].file,
        downloadUrl('exportCsv', { classId, csvTable: name }),
        CSV_TABLES[name].file,
      ),
    })),
  ];
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
      {error && (
        <p role="alert" className="evidence-downloads__error">
          {error}
        </p>
      )}
    </div>
  );
}
