import { useState } from 'react';
import { Button } from '../ui/Button.js';
import { DownloadIcon } from '../ui/icons.js';
import { download, downloadUrl } from '../api/downloads.js';
import { GroupBoardDownloads } from './GroupBoardDownloads.js';
import './exports.css';

/**
 * On the projector, showing boards: each as a picture (PNG, SVG). While a plan is presented: the discussion as slides (PDF), a page per step, as the
 * projector may see it (no teacher's notes, no group names when anonymized). Quiet in a corner: the room
 * watches this screen.
 */
export function ProjectorDownloads({
  classId,
  token,
  boards = [],
}: {
  classId: string;
  token: string;
  /** The boards on screen (name: as the projector may show it), each downloadable as PNG or SVG. */
  boards?: readonly { boardId: string; name: string }[];
}) {
  const [error, setError] = useState<string | null>(null);
  if (boards.length > 0)
    return (
      <div className="projector-downloads">
        {boards.map((b) => (
          <GroupBoardDownloads key={b.boardId} boardId={b.boardId} name={b.name} auth={{ token }} />
        ))}
      </div>
    );
  return (
    <div className="projector-downloads">
      <Button
        variant="ghost"
        size="sm"
        onClick={() => {
          setError(null);
          download(downloadUrl('exportDiscussionPdf', { classId }), { token }, 'discussion.pdf').catch(
            (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
          );
        }}
      >
        <DownloadIcon aria-hidden="true" />
        Slides (PDF)
      </Button>
      {error && <span role="alert">{error}</span>}
    </div>
  );
}
