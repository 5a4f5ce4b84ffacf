import { hasEmbeddingOrOverride, readableText } from '@conjecture/shared';
import { someString, stringsWhere, withEveryString } from '@conjecture/shared/board/index';

/**
 * Why a record's new or changed text is refused for an embedding or an override (U+202A–U+202E), or null. An
 * override turns a note's letters backwards on every classmate's board, the teacher's screen and the
 * projector, while the matcher, the tagger and the evidence read it the other way. The server cannot take
 * them out of a client's update, and our client removes them as they are typed or pasted (keepTextReadable.ts)
 * — so a write holding one comes from something else, and is refused as any hostile write is. A string the
 * record already held stands (a board from before this check, which its next load mends: `mendedText`), so
 * moving such a note is not refused. Isolates and marks are let through: see readableText.ts.
 */
export function reversingTextRefusal(key: string, before: unknown, after: unknown): string | null {
  if (!someString(after, hasEmbeddingOrOverride)) return null;
  const held = stringsWhere(before, hasEmbeddingOrOverride);
  return someString(after, (text) => hasEmbeddingOrOverride(text) && !held.has(text))
    ? `${key}: its text holds a control that turns text backwards (U+202A–U+202E)`
    : null;
}

/**
 * Whether a client's update could carry an embedding or an override: Yjs writes every string as UTF-8, where
 * U+202A–U+202E are the bytes E2 80 AA–AE. Most updates cannot, and their records are not walked string by
 * string on the way in (the check runs for every record written).
 */
export function mayHoldReversingText(update: Uint8Array): boolean {
  for (
    let at = update.indexOf(0xe2);
    at !== -1 && at + 2 < update.length;
    at = update.indexOf(0xe2, at + 1)
  ) {
    const last = update[at + 2] as number;
    if (update[at + 1] === 0x80 && last >= 0xaa && last <= 0xae) return true;
  }
  return false;
}

/** A stored record's text made readable (the rule students' and teachers' text follows), or null if it is. */
export function mendedText(value: unknown): unknown {
  return someString(value, hasEmbeddingOrOverride) ? withEveryString(value, readableText) : null;
}
