import { useMemo } from 'react';
import { Tldraw, atom, createTLCurrentUser, type TLUserPreferences } from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import { ASSET_MIME_TYPES, colorForUser, type BoardId, type UserId } from '@conjecture/shared';
import { useBoardSession } from '../sync/useBoardSession.js';
import type { ResolveDisplayName } from '../sync/presenceBridge.js';
import { exposeForDebugging } from '../debug.js';
import { ConnectionBadge } from './ConnectionBadge.js';

// Fonts, icons and translations bundled by Vite and served by our server: the page asks no other host.
const assetUrls = getAssetUrlsByImport();
const imageTypes = [...ASSET_MIME_TYPES];

interface BoardEditorProps {
  boardId: BoardId;
  userId: UserId;
  resolveName: ResolveDisplayName;
  licenseKey: string | null;
  maxAssetBytes: number | null;
}

export function BoardEditor({ boardId, userId, resolveName, licenseKey, maxAssetBytes }: BoardEditorProps) {
  const { status, store, session } = useBoardSession(boardId, userId, resolveName);
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

  if (status.phase === 'failed') return <div className="board-message">{status.failure}</div>;
  return (
    <div className="board">
      <ConnectionBadge status={status} />
      {store && session ? (
        <Tldraw
          store={store}
          user={user}
          assetUrls={assetUrls}
          licenseKey={licenseKey ?? undefined}
          acceptedImageMimeTypes={imageTypes}
          acceptedVideoMimeTypes={[]}
          {...(maxAssetBytes ? { maxAssetSize: maxAssetBytes } : {})}
          onMount={(editor) => exposeForDebugging(editor, session)}
        />
      ) : (
        <div className="board-message">Opening the board…</div>
      )}
    </div>
  );
}
