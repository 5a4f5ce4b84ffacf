import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { BoardLayout } from '@conjecture/shared/board/index';
import { drawLayout } from './drawLayout.js';
import { pdfSafe, wrapText } from './pdfText.js';

/** A4 landscape, in points: boards are wider than tall, and slides are landscape. */
const PAGE = { w: 842, h: 595 } as const;
const MARGIN = 40;
const BODY_SIZE = 11;
const LINE = 1.35;
const INK = rgb(0.11, 0.11, 0.11);
const MUTED = rgb(0.38, 0.4, 0.44);
const RULE = rgb(0.8, 0.82, 0.85);

/**
 * A flowing document over pdf-lib: headings, paragraphs and board figures go down the page and onto a new
 * one when the page is full. Standard fonts only (no font files to ship); text is made WinAnsi-safe.
 */
export class PdfWriter {
  private current: PDFPage | null = null;
  /** Where the next line's top goes (PDF space grows upwards). */
  private cursor = 0;

  private constructor(
    readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {}

  static async create(title: string, at: number): Promise<PdfWriter> {
    const doc = await PDFDocument.create();
    doc.setTitle(title);
    doc.setCreator('Conjecture');
    doc.setProducer('Conjecture (pdf-lib)');
    doc.setCreationDate(new Date(at));
    doc.setModificationDate(new Date(at));
    const [font, bold] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
    ]);
    return new PdfWriter(doc, font, bold);
  }

  get pageCount(): number {
    return this.doc.getPageCount();
  }

  /** Starts a new page. */
  newPage(): void {
    this.current = this.doc.addPage([PAGE.w, PAGE.h]);
    this.cursor = PAGE.h - MARGIN;
  }

  heading(text: string, level: 1 | 2 = 1): void {
    const size = level === 1 ? 22 : 15;
    this.ensure(size * LINE * 2);
    if (this.cursor < PAGE.h - MARGIN) this.cursor -= size * 0.6; // space above, except at the page's top
    this.lines(text, { size, font: this.bold });
    if (level === 1) {
      this.page.drawLine({
        start: { x: MARGIN, y: this.cursor + 4 },
        end: { x: PAGE.w - MARGIN, y: this.cursor + 4 },
        thickness: 1,
        color: RULE,
      });
      this.cursor -= 8;
    }
  }

  paragraph(text: string, options: { muted?: boolean; bold?: boolean; indent?: number } = {}): void {
    this.lines(text, {
      size: BODY_SIZE,
      font: options.bold ? this.bold : this.font,
      color: options.muted ? MUTED : INK,
      indent: options.indent ?? 0,
    });
    this.cursor -= BODY_SIZE * 0.4;
  }

  /** A board (or a snapshot) drawn to fit the rest of the page, or a new page when little is left. */
  board(layout: BoardLayout, caption: string, minHeight = 220): void {
    this.ensure(minHeight + BODY_SIZE * 2);
    this.paragraph(caption, { muted: true });
    const frame = { x: MARGIN, y: MARGIN, w: PAGE.w - 2 * MARGIN, h: this.cursor - MARGIN };
    this.page.drawRectangle({
      x: frame.x,
      y: frame.y,
      width: frame.w,
      height: frame.h,
      borderColor: RULE,
      borderWidth: 0.75,
    });
    if (layout.box) drawLayout(this.page, this.font, layout, inset(frame, 12));
    else
      this.page.drawText('(nothing on this board)', {
        x: frame.x + 12,
        y: frame.y + frame.h - 24,
        size: BODY_SIZE,
        font: this.font,
        color: MUTED,
      });
    this.cursor = MARGIN; // the figure fills the page: what follows starts a new one
  }

  async save(): Promise<Uint8Array> {
    if (this.pageCount === 0) this.newPage();
    return this.doc.save();
  }

  private get page(): PDFPage {
    if (!this.current) this.newPage();
    return this.current!;
  }

  private ensure(height: number): void {
    if (!this.current || this.cursor - height < MARGIN) this.newPage();
  }

  private lines(
    text: string,
    {
      size,
      font,
      color = INK,
      indent = 0,
    }: { size: number; font: PDFFont; color?: typeof INK; indent?: number },
  ): void {
    for (const line of wrapText(font, text, size, PAGE.w - 2 * MARGIN - indent)) {
      this.ensure(size * LINE);
      this.cursor -= size;
      this.page.drawText(pdfSafe(font, line), { x: MARGIN + indent, y: this.cursor, size, font, color });
      this.cursor -= size * (LINE - 1);
    }
  }
}

const inset = (f: { x: number; y: number; w: number; h: number }, by: number) => ({
  x: f.x + by,
  y: f.y + by,
  w: f.w - 2 * by,
  h: f.h - 2 * by,
});
