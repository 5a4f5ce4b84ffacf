import { useEffect, useRef, useState } from 'react';
import type { BoardId } from '@conjecture/shared';
import { BoardSession, type BoardConnection } from '../sync/boardSession.js';
import type { BoardDoc } from '../sync/boardDoc.js';
import { exposeThumbnailForDebugging } from '../debug.js';
import { bindThumbnail } from './bindThumbnail.js';
import type { ThumbnailRecord } from './boardThumbnail.js';
import { withPins, type RecordLookup } from './thumbnailPins.js';

interface BoardThumbnailViewProps {
  boardId: BoardId;
  /** A read-only connection (`mode=view`): the thumbnail never writes. */
  connection: BoardConnection;
  label: string;
}

function lookup(board: BoardDoc): RecordLookup {
  const { records } = board;
  return {
    get: (id) => records.get(id) as ThumbnailRecord | undefined,
    values: function* () {
      for (const entry of records.map.values()) yield entry.val as ThumbnailRecord;
    },
  };
}

/**
 * A group's board as a live SVG drawn from its records: a read-only Yjs connection, the records kept as SVG
 * incrementally (`BoardThumbnail`), no tldraw editor (the dashboard shows eight of these while students
 * work; an editor each cost the teacher's laptop about a CPU). Critique pins show where a thread is.
 */
export function BoardThumbnailView({ boardId, connection, label }: BoardThumbnailViewProps) {
  const [svg, setSvg] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const container = useRef<HTMLDivElement>(null);
  // Callers build the connection inline: a new object with the same content is the same connection.
  const connectionKey = JSON.stringify(connection);

  useEffect(() => {
    const session = new BoardSession(boardId, JSON.parse(connectionKey) as BoardConnection);
    const records = lookup(session.board);
    let unbind: (() => void) | null = null;
    const onStatus = () => {
      const status = session.getStatus();
      if (status.phase === 'failed') setFailure(status.failure);
      if (status.phase !== 'ready' || unbind) return;
      const bound = bindThumbnail(session.board.records as never, (thumbnail) =>
        setSvg(withPins(thumbnail.toSvg(), records)),
      );
      unbind = bound.unbind;
      setSvg(withPins(bound.thumbnail.toSvg(), records));
    };
    const unsubscribe = session.subscribe(onStatus);
    onStatus();
    // What the view shows, read from its drawing (not the doc), for tests.
    const unexpose = exposeThumbnailForDebugging(boardId, () =>
      [...(container.current?.querySelectorAll('g[data-shape-id]:not([data-testid])') ?? [])].map(
        (g) => g.getAttribute('data-shape-id') as string,
      ),
    );
    return () => {
      unexpose();
      unsubscribe();
      unbind?.();
      session.destroy();
    };
  }, [boardId, connectionKey]);

  if (failure) return <div className="board-message">{failure}</div>;
  return (
    <div className="board-view board-thumbnail" data-board-id={boardId} role="group" aria-label={label}>
      {svg === null ? (
        <div className="board-message">Opening…</div>
      ) : (
        <div ref={container} className="board-thumbnail__svg" dangerouslySetInnerHTML={{ __html: svg }} />
      )}
    </div>
  );
}
