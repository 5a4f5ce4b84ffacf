import type { PDFFont } from 'pdf-lib';

/** Common math and typography characters outside the standard fonts' WinAnsi set, as readable stand-ins. */
const STAND_INS: Record<string, string> = {
  '−': '-',
  '≤': '<=',
  '≥': '>=',
  '≠': '!=',
  '≈': '~',
  '→': '->',
  '←': '<-',
  π: 'pi',
  '√': 'sqrt',
  '∞': 'infinity',
  '⋅': '·',
  '\t': ' ',
};
const charSets = new WeakMap<PDFFont, Set<number>>();
/**
 * Invisible format characters: direction controls and marks, joiners, the byte-order mark. The PDF sets text
 * in the order it was written (nothing here reorders it), so they do nothing but print as "?" among the words.
 */
const INVISIBLE_FORMAT = /\p{Cf}/u;

/**
 * Text the standard PDF fonts can set: they cover WinAnsi only (Latin, common punctuation, ½ × ÷ ±), so
 * other characters become a stand-in or "?" — a PDF is for reading; the CSV and JSON keep the exact text.
 */
export function pdfSafe(font: PDFFont, text: string): string {
  let set = charSets.get(font);
  if (!set) charSets.set(font, (set = new Set(font.getCharacterSet())));
  let out = '';
  for (const ch of text) {
    if (INVISIBLE_FORMAT.test(ch)) continue;
    const code = ch.codePointAt(0)!;
    out += set.has(code) ? ch : (STAND_INS[ch] ?? (ch === '\n' ? '\n' : '?'));
  }
  return out;
}

/** Splits text into lines that fit `width` at `size` (words longer than a line are cut). */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of pdfSafe(font, text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) line = candidate;
      else {
        if (line) lines.push(line);
        line = word;
        while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
          let cut = line.length - 1;
          while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut--;
          lines.push(line.slice(0, cut));
          line = line.slice(cut);
        }
      }
    }
    lines.push(line);
  }
  return lines;
}
