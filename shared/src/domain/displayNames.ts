import { STAFF_LABELS } from './pseudonyms.js';

/**
 * When two names read alike. Names travel as ids and are shown from the roster, so the one way to appear as
 * a classmate (or as the teacher) is a name that looks like theirs: "Maria" with a zero-width space, with a
 * Cyrillic "а", or "ＭＡＲＩＡ" in full-width letters. The key folds all of those onto one: Unicode
 * compatibility forms (NFKC), characters no font draws (default-ignorable: zero-width spaces and joiners,
 * soft hyphens, direction marks), blanks that are no space (`BLANKS`), case, and the Cyrillic and Greek
 * letters drawn like Latin ones. It is a comparison key only; the name is shown as typed.
 */
export function displayNameKey(name: string): string {
  const visible = name
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(BLANKS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // Capitals first: Greek "Ν" is drawn as N but its small letter "ν" as v.
  const folded = foldWith(visible, CAPITAL_LOOKALIKES).toLocaleLowerCase('en');
  return foldWith(folded, SMALL_LOOKALIKES).normalize('NFKC');
}

/**
 * Characters drawn as an empty cell that Unicode counts neither as whitespace (so a name's spaces are not
 * trimmed or collapsed with them) nor as default-ignorable: the braille blank (U+2800). A name padded with
 * one reads as the name without it; one made of them alone reads as no name.
 */
const BLANKS = /\u2800/gu;

/**
 * Why a student may not go by this name, or null: names the app itself shows for someone else ("Teacher"
 * on the teacher's critique replies and cursor, "Conjecture" on the server's writes), in any case, spelling
 * of look-alikes or punctuation ("T.eacher!").
 */
export function reservedNameRefusal(name: string): string | null {
  const letters = displayNameKey(name).replace(/[^\p{L}\p{N}]/gu, '');
  const label = Object.values(STAFF_LABELS).find(
    (l) => displayNameKey(l).replace(/[^\p{L}\p{N}]/gu, '') === letters,
  );
  return label ? `"${label}" is how the app names someone else: use your own name` : null;
}

/** Each character of `from` read as the character at the same place in `to`. */
function lookalikes(from: string, to: string): ReadonlyMap<string, string> {
  const a = Array.from(from);
  const b = Array.from(to);
  if (a.length !== b.length) throw new Error('look-alike tables of different lengths');
  return new Map(a.map((c, i) => [c, b[i] as string]));
}

const foldWith = (text: string, table: ReadonlyMap<string, string>) =>
  Array.from(text, (c) => table.get(c) ?? c).join('');

/** Cyrillic and Greek capitals drawn as a Latin capital (from Unicode's confusables, the unambiguous ones). */
const CAPITAL_LOOKALIKES = lookalikes(
  'АВЕКМНОРСТХУЅІЈҮԀԚԜ' + 'ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ',
  'ABEKMHOPCTXYSIJYDQW' + 'ABEZHIKMNOPTYX',
);

/** Cyrillic and Greek small letters drawn as a Latin small letter. */
const SMALL_LOOKALIKES = lookalikes('аеорсухѕіјԁһԛԝӏүк' + 'αιηκμνορτυχ', 'aeopcyxsijdhqwlyk' + 'ainkuvoptux');
