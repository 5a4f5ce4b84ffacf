import { createHash } from 'node:crypto';
import { wordsTakenAway } from '@conjecture/shared/board/index';

/** One life of a record key: a piece of work, from the write that started it. */
export interface RecordLife {
  /** Who started this work. */
  creator: string;
  /** Everyone who wrote it, in order of first write (the creator first). */
  authors: string[];
  /** When it was started (the server's clock when the update was stored). */
  firstAt: number;
}

/** What is known of one key's history: enough to tell new work from work coming back. */
export interface KeyLives {
  /** The life of the key's value now (or of its last value, once deleted). */
  current: RecordLife;
  /** The written content (`writtenContent`) of that value: what a rewrite or a re-creation is held to. */
  content: string | null;
  /** Every written content the key has held, by digest, with the life that first held it. */
  lifeOf: Map<string, RecordLife>;
}

export interface RecordWrite {
  author: string;
  at: number;
  /** `writtenContent` of the value written. */
  content: string | null;
}

/** Digests, not the texts: a key typed into keeps one per version. SHA-256 so no text can pose as another. */
const digest = (content: string) => createHash('sha256').update(content).digest('base64');

/**
 * Which life a write of a key belongs to — who created the work it holds. A record id is only a name: a
 * student who rewrites a classmate's shape keeping fewer than half of its words (`wordsTakenAway`: what the
 * bulk-delete guard counts as taking it away), or deletes it and writes such new words under the same id,
 * starts a new life of which they are the creator. Deleting first changes nothing: a re-creation is held to
 * what was deleted as a rewrite is to what it replaces. Work the key held before coming back (an undo of the
 * deletion, a restore of an earlier moment, an offline copy sent again, the server's revert of a refused
 * change) returns to the life that first wrote it, whoever writes it. Ordinary edits — a fix, an addition, a
 * move — stay in the life they edit, and so does a shape without words (a box, a drawing) written again.
 *
 * Mutates and returns `lives` (a new one for a key's first write). Deterministic in the log's order, so a
 * board folded again after a reload gets the same answer. Costs a string comparison when the words did not
 * change (a move); a digest and a word count only when they did.
 */
export function writeLife(lives: KeyLives | undefined, write: RecordWrite): KeyLives {
  const { author, at, content } = write;
  if (lives && content === lives.content) return withAuthor(lives, lives.current, author, content);
  const key = content === null ? null : digest(content);
  const life =
    (key === null ? undefined : lives?.lifeOf.get(key)) ??
    (lives && !wordsTakenAway(lives.content, content)
      ? lives.current
      : { creator: author, authors: [], firstAt: at });
  const next = withAuthor(lives ?? { current: life, content, lifeOf: new Map() }, life, author, content);
  if (key !== null && !next.lifeOf.has(key)) next.lifeOf.set(key, life);
  return next;
}

function withAuthor(lives: KeyLives, life: RecordLife, author: string, content: string | null): KeyLives {
  if (!life.authors.includes(author)) life.authors.push(author);
  lives.current = life;
  lives.content = content;
  return lives;
}
