import type { Editor } from 'tldraw';
import { saveBlob } from '../api/downloads.js';

/** A margin around the board's shapes in an exported picture, in page units. */
const PADDING = 32;
/** A4 landscape in points: a board PDF is one page of it. */
const PDF_PAGE = { w: 842, h: 595 } as const;
const PDF_MARGIN = 36;

/**
 * The board open in this editor as a picture — tldraw's own rendering (`toImage`, `getSvgString`), so every
 * shape looks as it does on screen, our math shapes' KaTeX included. Everything on the page, not a selection.
 */
function allShapes(editor: Editor) {
  return [...editor.getCurrentPageShapeIds()];
}

export async function boardPng(editor: Editor): Promise<Blob> {
  const { blob } = await editor.toImage(allShapes(editor), {
    format: 'png',
    background: true,
    padding: PADDING,
  });
  return blob;
}

export async function saveBoardPng(editor: Editor, stem: string): Promise<void> {
  saveBlob(await boardPng(editor), `${stem}.png`);
}

export async function saveBoardSvg(editor: Editor, stem: string): Promise<void> {
  const result = await editor.getSvgString(allShapes(editor), { background: true, padding: PADDING });
  if (!result) throw new Error('the board is empty: nothing to export');
  saveBlob(new Blob([result.svg], { type: 'image/svg+xml' }), `${stem}.svg`);
}

/**
 * The board as a one-page PDF: tldraw's PNG of it, fitted to an A4 landscape page under its title. pdf-lib is
 * loaded only when a PDF is asked for (the board page itself does not need it).
 */
export async function saveBoardPdf(editor: Editor, stem: string, title: string): Promise<void> {
  const [{ PDFDocument, StandardFonts, rgb }, png] = await Promise.all([import('pdf-lib'), boardPng(editor)]);
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const page = doc.addPage([PDF_PAGE.w, PDF_PAGE.h]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  // The standard font sets WinAnsi only: anything else in a title becomes "?" rather than failing.
  const safeTitle = [...title]
    .map((c) => (font.getCharacterSet().includes(c.codePointAt(0)!) ? c : '?'))
    .join('');
  page.drawText(safeTitle, {
    x: PDF_MARGIN,
    y: PDF_PAGE.h - PDF_MARGIN - 14,
    size: 14,
    font,
    color: rgb(0.1, 0.1, 0.1),
  });
  const image = await doc.embedPng(new Uint8Array(await png.arrayBuffer()));
  const room = { w: PDF_PAGE.w - 2 * PDF_MARGIN, h: PDF_PAGE.h - 2 * PDF_MARGIN - 28 };
  const scale = Math.min(room.w / image.width, room.h / image.height, 1);
  const [w, h] = [image.width * scale, image.height * scale];
  page.drawImage(image, { x: (PDF_PAGE.w - w) / 2, y: PDF_MARGIN + (room.h - h) / 2, width: w, height: h });
  saveBlob(new Blob([(await doc.save()) as BlobPart], { type: 'application/pdf' }), `${stem}.pdf`);
}
