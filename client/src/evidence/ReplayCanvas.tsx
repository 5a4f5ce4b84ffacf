import 'tldraw/tldraw.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor, TLRecord } from 'tldraw';
import { diffRecords, type ReplayState } from '@conjecture/shared';
import { ViewOnlyTldraw } from '../components/ViewOnlyTldraw.js';
import { fitEditorTo } from '../components/fitView.js';
import { editorRecords, isRendered } from '../components/readOnlyRecords.js';

const REPLAY_FIT = { paddingPx: 24, maxZoom: 2 };

interface ReplayCanvasProps {
  /** The records at the shown position. */
  records: ReplayState;
  /** The board at its last position: the camera frames all of it once, so scrubbing never moves the view. */
  framing: ReplayState;
  licenseKey: string | null;
  label: string;
}

/**
 * The board at one position of its replay, drawn read-only by a tldraw editor of its own (in memory, synced
 * to nobody), like a snapshot. Moving the position writes only the records that differ (by identity: the
 * replay's positions share their records), so playing at 8× stays light.
 */
export function ReplayCanvas({ records, framing, licenseKey, label }: ReplayCanvasProps) {
  const [editor, setEditor] = useState<Editor | null>(null);
  const shown = useRef<ReplayState>(new Map());
  // The editor is built once the fonts of the board's shapes have loaded: the camera is fitted to them.
  const framingRecords = useMemo(() => [...framing.values()], [framing]);

  const onMount = useCallback(
    (e: Editor) => {
      const pageId = e.getCurrentPageId();
      e.updateInstanceState({ isReadonly: true });
      e.store.mergeRemoteChanges(() => e.store.put(editorRecords(framing.values(), pageId)));
      fitEditorTo(e, null, REPLAY_FIT);
      shown.current = framing;
      setEditor(e);
    },
    [framing],
  );

  useEffect(() => {
    if (!editor) return;
    const pageId = editor.getCurrentPageId();
    const before = shown.current;
    const { put, removed } = diffRecords(before, records);
    shown.current = records;
    // Only what this canvas drew goes: the board's own page and document records are the editor's too.
    const present = removed.filter(
      (id) => isRendered(before.get(id)?.typeName ?? '') && editor.store.has(id as TLRecord['id']),
    );
    editor.store.mergeRemoteChanges(() => {
      if (present.length > 0) editor.store.remove(present as Array<TLRecord['id']>);
      editor.store.put(editorRecords(put, pageId));
    });
  }, [editor, records]);

  return (
    <div className="replay-canvas" aria-label={label}>
      <ViewOnlyTldraw licenseKey={licenseKey} onMount={onMount} records={framingRecords} />
    </div>
  );
}
