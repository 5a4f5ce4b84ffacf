import type { BoardLayout, DrawOp, LaidOutShape } from '@conjecture/shared/board/index';
import {
  concatTransformationMatrix,
  LineCapStyle,
  LineJoinStyle,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineCap,
  setLineJoin,
  setLineWidth,
  setStrokingColor,
  stroke,
  type Color,
  type PDFFont,
  type PDFPage,
} from 'pdf-lib';
import { pdfSafe } from './pdfText.js';

export interface Frame {
  x: number;
  /** The frame's bottom edge (PDF space grows upwards). */
  y: number;
  w: number;
  h: number;
}

/**
 * Draws a laid-out board into a frame on a PDF page: scaled to fit (never enlarged past 1:1), centred.
 * The page is flipped to the board's y-down space once, so each shape is drawn in its own coordinates,
 * as the SVG thumbnails are; text is flipped back upright where it is set.
 */
export function drawLayout(page: PDFPage, font: PDFFont, layout: BoardLayout, frame: Frame): void {
  if (!layout.box) return;
  const box = layout.box;
  const scale = Math.min(frame.w / Math.max(box.w, 1), frame.h / Math.max(box.h, 1), 1);
  const left = frame.x + (frame.w - box.w * scale) / 2;
  const top = frame.y + frame.h - (frame.h - box.h * scale) / 2;
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(scale, 0, 0, -scale, left - box.x * scale, top + box.y * scale),
  );
  for (const shape of layout.shapes) drawShape(page, font, shape);
  page.pushOperators(popGraphicsState());
}

function drawShape(page: PDFPage, font: PDFFont, shape: LaidOutShape): void {
  const [cos, sin] = [Math.cos(shape.rotation), Math.sin(shape.rotation)];
  // Moved to its place, then turned about its top-left (tldraw's rotation; clockwise in the y-down space).
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(cos, sin, -sin, cos, shape.x, shape.y));
  for (const op of shape.drawing.ops) drawOp(page, font, op);
  for (const child of shape.children) drawShape(page, font, child);
  page.pushOperators(popGraphicsState());
}

function drawOp(page: PDFPage, font: PDFFont, op: DrawOp): void {
  switch (op.op) {
    case 'rect':
      return page.drawRectangle({
        x: op.x ?? 0,
        y: op.y ?? 0,
        width: op.w,
        height: op.h,
        ...fillOf(op.fill),
        ...(op.stroke
          ? {
              borderColor: colorOf(op.stroke),
              borderWidth: op.width ?? 1,
              borderDashArray: op.dashed ? [6, 4] : undefined,
            }
          : {}),
      });
    case 'ellipse':
      return page.drawEllipse({
        x: op.w / 2,
        y: op.h / 2,
        xScale: op.w / 2,
        yScale: op.h / 2,
        ...fillOf(op.fill),
        borderColor: colorOf(op.stroke),
        borderWidth: op.width,
      });
    case 'line':
      return page.drawLine({
        start: { x: op.x1, y: op.y1 },
        end: { x: op.x2, y: op.y2 },
        thickness: op.width,
        color: colorOf(op.stroke),
      });
    case 'path': {
      const [first, ...rest] = op.points;
      if (!first) return;
      // A highlighter's translucency, as its colour over white paper (no transparency group needed).
      const color = op.opacity === undefined ? colorOf(op.stroke) : colorOf(op.stroke, op.opacity);
      page.pushOperators(
        pushGraphicsState(),
        setStrokingColor(color),
        setLineWidth(op.width),
        setLineCap(LineCapStyle.Round),
        setLineJoin(LineJoinStyle.Round),
        moveTo(first.x, first.y),
        ...(rest.length > 0 ? rest : [first]).map((p) => lineTo(p.x, p.y)),
        stroke(),
        popGraphicsState(),
      );
      return;
    }
    case 'text': {
      const text = pdfSafe(font, op.text);
      const width = font.widthOfTextAtSize(text, op.size);
      page.pushOperators(pushGraphicsState(), concatTransformationMatrix(1, 0, 0, -1, op.x, op.y));
      page.drawText(text, { x: -width / 2, y: 0, size: op.size, font, color: colorOf(op.fill) });
      page.pushOperators(popGraphicsState());
      return;
    }
  }
}

const fillOf = (fill: string) => (fill === 'none' ? {} : { color: colorOf(fill) });

/** `#rrggbb` or `#rrggbbaa` (the alpha mixed over white), or an opacity given apart. */
function colorOf(hex: string, opacity?: number): Color {
  const channel = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  const alpha = opacity ?? (hex.length === 9 ? channel(7) : 1);
  const over = (c: number) => (Number.isFinite(c) ? c * alpha + (1 - alpha) : 0);
  return rgb(over(channel(1)), over(channel(3)), over(channel(5)));
}
