import 'tldraw/tldraw.css';
import { useCallback, useMemo } from 'react';
import { Tldraw, atom, createTLCurrentUser, type Editor, type TLUserPreferences } from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { ASSET_MIME_TYPES, colorForUser, type BoardId, type UserId } from '@conjecture/shared';
import { useBoardSession } from '../sync/useBoardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { exposeForDebugging } from '../debug.js';
import { ConnectionBadge } from './ConnectionBadge.js';
import { customShapeUtils } from '../shapes/index.js';

// Fonts, icons and translations bundled by Vite and served by our server: the page asks no other host.
const assetUrls = getAssetUrlsByImport();
// Module constants, not literals in JSX: tldraw rebuilds (remounts) the editor when these change identity.
const IMAGE_TYPES = [...ASSET_MIME_TYPES];
const NO_VIDEO_TYPES: string[] = [];

interface BoardEditorProps {
  boardId: BoardId;
  userId: UserId;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  maxAssetBytes: number | null;
}

export function BoardEditor({ boardId, userId, resolveName, licenseKey, maxAssetBytes }: BoardEditorProps) {
  const { phase, failure, store, session } = useBoardSession(boardId, userId, resolveName);
  // tldraw's own idea of the user: same id as in presence (so our cursor is not listed as a collaborator),
  // kept in memory rather than in tldraw's localStorage preferences.
  const user = useMemo(() => {
    const preferences = atom<TLUserPreferences>('preferences', {
      id: userId,
      name: resolveName(userId),
      color: colorForUser(userId),
    });
    return createTLCurrentUser({
      userPreferences: preferences,
      setUserPreferences: (p) => preferences.set(p),
    });
  }, [userId, resolveName]);

  const onMount = useCallback(
    (editor: Editor) => (session ? exposeForDebugging(editor, session) : undefined),
    [session],
  );

  if (phase === 'failed') return <div className="board-message">{failure}</div>;
  return (
    <div className="board">
      {session && <ConnectionBadge session={session} />}
      {store && session ? (
        <Tldraw
          store={store}
          shapeUtils={customShapeUtils}
          user={user}
          assetUrls={assetUrls}
          licenseKey={licenseKey ?? undefined}
          acceptedImageMimeTypes={IMAGE_TYPES}
          acceptedVideoMimeTypes={NO_VIDEO_TYPES}
          {...(maxAssetBytes ? { maxAssetSize: maxAssetBytes } : {})}
          onMount={onMount}
        />
      ) : (
        <div className="board-message">Opening the board…</div>
      )}
    </div>
  );
}
