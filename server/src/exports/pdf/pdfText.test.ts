import { describe, expect, it } from 'vitest';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { pdfSafe, wrapText } from './pdfText.js';

const helvetica = async () => (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);

describe('text in the PDFs', () => {
  it('keeps what the standard font sets and stands in for the rest, so a student’s π never breaks a PDF', async () => {
    const font = await helvetica();
    expect(pdfSafe(font, 'Ana’s ½ × 3 ≤ π → 2−1 ✓')).toBe('Ana’s ½ × 3 <= pi -> 2-1 ?');
    expect(() => font.encodeText(pdfSafe(font, '日本語 and emoji 🙂'))).not.toThrow();
  });

  it('drops invisible format characters (direction controls, marks, joiners) instead of printing "?" for them', async () => {
    const font = await helvetica();
    expect(pdfSafe(font, 'I agree \u202e2/3\u202c > \u20663/5\u2069\u200f\u200d\ufeff')).toBe(
      'I agree 2/3 > 3/5',
    );
  });

  it('wraps to the width, keeps paragraphs and cuts a word longer than a line', async () => {
    const font = await helvetica();
    const lines = wrapText(font, `one two three four five six\nnext\n${'x'.repeat(80)}`, 12, 100);
    for (const line of lines) expect(font.widthOfTextAtSize(line, 12)).toBeLessThanOrEqual(100);
    expect(lines).toContain('next');
    expect(lines.join(' ')).toContain('one two');
    expect(lines.filter((l) => /^x+$/.test(l)).join('')).toHaveLength(80);
  });
});
