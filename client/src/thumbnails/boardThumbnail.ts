// The renderer is pure and lives in shared (the server stores a snapshot's image with it); the client's
// thumbnails import it from here as before.
export {
  BoardThumbnail,
  svgDocument,
  type ThumbnailChange,
  type ThumbnailParts,
  type ThumbnailRecord,
} from '@conjecture/shared/board/index';
