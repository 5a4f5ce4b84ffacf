import { TILE_SIZE } from './patternTiles.js';

/**
 * Draws one hatch tile as tldraw does (the same strokes, so a board looks as it does in stock tldraw): the
 * fill colour with three short diagonal strokes cut out of it, on a 12 × 12 grid over the tile, scaled by the
 * tile's zoom and the screen's pixel ratio. Resolves to an object URL of the PNG, or rejects when the
 * browser gives no 2D canvas.
 */
export function drawPatternTile(zoom: number, pixelRatio: number, solid: string): Promise<string> {
  const scale = zoom * pixelRatio;
  const side = TILE_SIZE * scale;
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('no 2D canvas for the pattern fill'));
  ctx.fillStyle = solid;
  ctx.fillRect(0, 0, side, side);
  ctx.globalCompositeOperation = 'destination-out';
  ctx.lineCap = 'round';
  ctx.lineWidth = 1.25 * scale;
  const unit = (TILE_SIZE / 12) * scale;
  ctx.beginPath();
  for (const start of [1, 5, 9]) {
    ctx.moveTo(unit * start, unit * (start + 2));
    ctx.lineTo(unit * (start + 2), unit * start);
  }
  ctx.stroke();
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) =>
      blob ? resolve(URL.createObjectURL(blob)) : reject(new Error('the pattern tile was not encoded')),
    ),
  );
}

const drawn = new Map<string, Promise<string>>();

/**
 * A tile's object URL, drawn once per page for each zoom, pixel ratio and colour: editors come and go (a
 * student moves between boards) and share them. A failed tile is forgotten, so a later editor tries again.
 */
export function patternTileUrl(zoom: number, pixelRatio: number, solid: string): Promise<string> {
  const key = `${zoom}_${pixelRatio}_${solid}`;
  let url = drawn.get(key);
  if (!url) {
    url = drawPatternTile(zoom, pixelRatio, solid);
    url.catch(() => drawn.delete(key));
    drawn.set(key, url);
  }
  return url;
}
