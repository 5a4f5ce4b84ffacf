/** The largest side of a PNG made from a board's SVG, in pixels (a huge board is scaled down to it). */
const MAX_PNG_SIDE_PX = 4096;
/** Pixels per page unit: sharp on a projector or in a document. */
const PNG_SCALE = 2;

/**
 * A PNG from an SVG document, in the browser: the SVG is drawn as an image onto a canvas. The server's board
 * SVG carries no external references, so the canvas is never tainted.
 */
export async function svgToPng(svg: string): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const [w, h] = [image.naturalWidth || 100, image.naturalHeight || 100];
    const scale = Math.min(PNG_SCALE, MAX_PNG_SIDE_PX / Math.max(w, h));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(h * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw a picture of the board');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('the picture could not be made'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
