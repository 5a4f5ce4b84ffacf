import 'tldraw/tldraw.css';
import { useCallback, useEffect, useRef } from 'react';
import type { Editor } from 'tldraw';
import type { FitOptions, Snapshot } from '@conjecture/shared';
import { ViewOnlyTldraw } from '../components/ViewOnlyTldraw.js';
import { fitEditorTo } from '../components/fitView.js';
import { debugEnabled } from '../debug.js';
import { editorRecords } from '../components/readOnlyRecords.js';

declare global {
  interface Window {
    /** Rendered snapshots by id (tests, support): `?debug` or development builds only. */
    __conjectureSnapshots?: Record<string, Editor>;
  }
}

interface SnapshotViewProps {
  snapshot: Snapshot;
  label: string;
  licenseKey: string | null;
  fit: FitOptions;
}

/**
 * A snapshot, drawn read-only by a tldraw editor of its own that holds just the snapshot's records (in
 * memory, synced to nobody), fitted to its items: the gallery's earlier design, kept only for
 * `pnpm bench:gallery` (`?views=editor`); the app draws snapshots as SVG (SnapshotThumbnail).
 */
export function SnapshotView({ snapshot, label, licenseKey, fit }: SnapshotViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const latest = useRef({ fit });
  latest.current = { fit };
  const refit = useRef<(() => void) | null>(null);

  const onMount = useCallback(
    (editor: Editor) => {
      const pageId = editor.getCurrentPageId();
      const records = editorRecords(snapshot.records, pageId);
      editor.store.mergeRemoteChanges(() => editor.store.put(records));
      editor.updateInstanceState({ isReadonly: true });
      const doFit = () => fitEditorTo(editor, null, latest.current.fit);
      refit.current = doFit;
      doFit();
      const observer = new ResizeObserver(doFit);
      if (container.current) observer.observe(container.current);
      const views = debugEnabled() ? (window.__conjectureSnapshots ??= {}) : null;
      if (views) views[snapshot.snapshotId] = editor;
      return () => {
        observer.disconnect();
        refit.current = null;
        if (views?.[snapshot.snapshotId] === editor) delete views[snapshot.snapshotId];
      };
    },
    [snapshot],
  );
  useEffect(() => refit.current?.(), [fit]);

  return (
    <div ref={container} className="snapshot-view" data-snapshot-id={snapshot.snapshotId} aria-label={label}>
      <ViewOnlyTldraw licenseKey={licenseKey} onMount={onMount} records={snapshot.records} />
    </div>
  );
}
