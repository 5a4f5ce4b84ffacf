import { useState } from 'react';
import { download, downloadUrl, fileStem, saveBlob } from '../api/downloads.js';
import type { ClassAuth } from '../api/http.js';
import { Button } from '../ui/Button.js';
import { DropdownMenu, type MenuItem } from '../ui/DropdownMenu.js';
import { DownloadIcon } from '../ui/icons.js';
import { svgToPng } from './svgToPng.js';
import './exports.css';

/**
 * "Download" for a board seen without an editor (a dashboard card): drawn by the server
 * from its records — SVG as it comes, PNG made from that SVG in the browser, and, for the teacher, a PDF
 * and the `.tldr` file.
 */
export function GroupBoardDownloads({
  boardId,
  name,
  auth,
  pdf,
  boardFile = false,
}: {
  boardId: string;
  /** The group's name as this viewer may see it: the files are named after it. */
  name: string;
  auth: ClassAuth;
  /** The teacher's one-page PDF of the board (class and group ids), when the viewer may have it. */
  pdf?: { classId: string; groupId: string };
  /** Offer the board as a portable `.tldr` file too. */
  boardFile?: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const stem = fileStem(name);
  const run = (work: () => Promise<unknown>) => () => {
    setError(null);
    work().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  const svgUrl = downloadUrl('exportBoardSvg', { boardId });
  const fetchSvg = async () => {
    const response = await fetch(
      svgUrl,
      'token' in auth ? { headers: { Authorization: `Bearer ${auth.token}` } } : {},
    );
    if (!response.ok) throw new Error(`the board could not be drawn (HTTP ${response.status})`);
    return response.text();
  };
  const items: MenuItem[] = [
    {
      label: 'Picture (PNG)',
      onSelect: run(async () => saveBlob(await svgToPng(await fetchSvg()), `${stem}.png`)),
    },
    { label: 'Drawing (SVG)', onSelect: run(() => download(svgUrl, auth, `${stem}.svg`)) },
    ...(pdf
      ? [
          {
            label: 'Document (PDF)',
            onSelect: run(() =>
              download(
                downloadUrl('exportBoardsPdf', { classId: pdf.classId }, { groupId: pdf.groupId }),
                auth,
                `${stem}.pdf`,
              ),
            ),
          },
        ]
      : []),
    ...(boardFile
      ? [
          {
            label: 'Board file (.tldr)',
            onSelect: run(() => download(downloadUrl('exportBoardFile', { boardId }), auth, `${stem}.tldr`)),
          },
        ]
      : []),
  ];
  return (
    <span className="board-downloads">
      <DropdownMenu
        trigger={
          <Button variant="secondary" size="sm" aria-label={`Download ${name}'s board`}>
            <DownloadIcon aria-hidden="true" />
            Download
          </Button>
        }
        items={items}
      />
      {error && (
        <span role="alert" className="board-downloads__message">
          {error}
        </span>
      )}
    </span>
  );
}
