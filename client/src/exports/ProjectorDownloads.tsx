import { useState } from 'react';
import { Button, DownloadIcon } from '../ui/index.js';
import { download, downloadUrl } from '../api/downloads.js';
import './exports.css';

/**
 * On the projector while a plan is presented: the discussion as slides (PDF), a page per step, as the
 * projector may see it (no teacher's notes, no group names when anonymized). Quiet in a corner: the room
 * watches this screen.
 */
export function ProjectorDownloads({ classId, token }: { classId: string; token: string }) {
  const [error, setError] = useState<string | null>(null);
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
