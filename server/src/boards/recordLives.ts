import { createHash } from 'node:crypto';
import { strokesExtended, wordsTakenAway, writtenContent } from '@conjecture/shared/board/index';

/** One life of a record key: a piece of work, from the write that started it. */
export interface RecordLife {
  /** Who started this work. */
  creator: string;
  /** Everyone who wrote it, in order of first write (the creator first). */
  authors: string[];
  /** When it was started (the server's clock when the update was stored). */
  firstAt: number;
}

/** What a record's value holds as work: what tells an edit of it from new work under its id. */
export interface RecordWork {
  /** A shape's (or binding's) `type`: no tldraw edit changes it (its conversions make a new id). */
  type: string | null;
  /** `writtenContent`: its words, an equation's source, a table's cells, a number line's points. */
  words: string | null;
  /** A drawing's (draw, highlight) `segments`; null for every other record. */
  strokes: readonly unknown[] | null;
}

/** What is known of one key's history: enough to tell new work from work coming back. */
export interface KeyLives {
  /** The life of the key's value now (or of its last value, once deleted). */
  current: RecordLife;
  /** The work of that value: what a rewrite or a re-creation is held to. */
  work: RecordWork;
  /** Whether the last write folded in started `current` (a creation), rather than carrying one on. */
  startedNow: boolean;
  /** Every piece of work with words or strokes the key has held, by digest, with the life that first held it. */
  lifeOf: Map<string, RecordLife>;
  /**
   * Per type, the life of the key's last value of that type if that value held neither words nor strokes (a
   * box, a line): where the type changed back returns. Null once that type's last value held words, so an
   * emptied shape does not go back to the life whose words were taken away.
   */
  lastOfType: Map<string, RecordLife | null>;
}

export interface RecordWrite {
  author: string;
  at: number;
  /** `workOf` the value written. */
  work: RecordWork;
}

const DRAWINGS: ReadonlySet<unknown> = new Set(['draw', 'highlight']);

/** The work a record's value holds (see `RecordWork`). */
export function workOf(value: unknown): RecordWork {
  const { type, props } = (value ?? {}) as { type?: unknown; props?: { segments?: unknown } };
  const segments = props?.segments;
  return {
    type: typeof type === 'string' ? type : null,
    words: writtenContent(value),
    strokes: DRAWINGS.has(type) && Array.isArray(segments) ? segments : null,
  };
}

/**
 * Whether writing `after` over `before` replaces the work rather than editing it: a change of type (Ana's box
 * written as a drawing), fewer than half of the words kept (`wordsTakenAway`), or a drawing's strokes not
 * carried on (`strokesExtended`: redrawn or cut down). No tldraw edit does any of these to a shape — moving,
 * resizing, recolouring, bending an arrow, dragging a line's or a number line's points, editing a cell keep
 * type, words and strokes — so this is also what the bulk-delete guard counts as taking work away.
 */
export function workReplaced(before: RecordWork, after: RecordWork): boolean {
  if (before.type !== after.type) return true;
  if (wordsTakenAway(before.words, after.words)) return true;
  return after.strokes !== null && !strokesExtended(before.strokes, after.strokes);
}

/** Digests, not the texts: a key typed into keeps one per version. SHA-256 so no text can pose as another. */
const digest = (content: string) => createHash('sha256').update(content).digest('base64');

/** What identifies work coming back: its words (in any shape), else a drawing's strokes; null for neither. */
function workKey({ type, words, strokes }: RecordWork): string | null {
  if (words !== null) return digest(`words\n${words}`);
  if (strokes === null) return null;
  const paths = strokes.map((s) => {
    const { type: kind, dim, path } = (s ?? {}) as { type?: unknown; dim?: unknown; path?: unknown };
    return `${String(kind)} ${String(dim)} ${String(path)}`;
  });
  return digest(`strokes ${String(type)}\n${paths.join('\n')}`);
}

function sameWork(a: RecordWork, b: RecordWork): boolean {
  if (a.type !== b.type || a.words !== b.words) return false;
  if (a.strokes === b.strokes) return true;
  if (a.strokes === null || b.strokes === null || a.strokes.length !== b.strokes.length) return false;
  return a.strokes.every((s, i) => sameSegment(s, b.strokes![i])); // a drawing moved, resized or restyled
}

function sameSegment(a: unknown, b: unknown): boolean {
  const [x, y] = [(a ?? {}) as Record<string, unknown>, (b ?? {}) as Record<string, unknown>];
  return x.path === y.path && x.type === y.type && x.dim === y.dim;
}

/**
 * Which life a write of a key belongs to — who created the work it holds. A record id is only a name: a
 * student who replaces a classmate's shape (`workReplaced`: keeping fewer than half of its words, redrawing
 * its strokes, or writing another type of shape), or deletes it and writes such new work under the same id,
 * starts a new life of which they are the creator. Deleting first changes nothing: a re-creation is held to
 * what was deleted as a rewrite is to what it replaces. Work the key held before coming back (an undo of the
 * deletion, a restore of an earlier moment, an offline copy sent again, the server's revert of a refused
 * change) returns to the life that first wrote it, whoever writes it: the same words, the same strokes, or a
 * shape without either back in the type it had. Ordinary edits — a fix, an addition, a move, a resize, a
 * drawing drawn on — stay in the life they edit, and so does a shape without words or strokes (a box, a line,
 * an arrow) written again as the same type: nothing in it tells a classmate's box from an edit of hers.
 *
 * Mutates and returns `lives` (a new one for a key's first write). Deterministic in the log's order, so a
 * board folded again after a reload gets the same answer. Costs a few comparisons when the work did not
 * change (a move); a digest and a word count only when it did.
 */
export function writeLife(lives: KeyLives | undefined, write: RecordWrite): KeyLives {
  const { author, at, work } = write;
  if (lives && sameWork(lives.work, work)) return withAuthor(lives, lives.current, author, work, false);
  const key = workKey(work);
  const returning =
    key !== null
      ? lives?.lifeOf.get(key)
      : work.type !== lives?.work.type && work.type !== null
        ? (lives?.lastOfType.get(work.type) ?? undefined)
        : undefined;
  const continued = lives && !workReplaced(lives.work, work) ? lives.current : undefined;
  const life = returning ?? continued ?? { creator: author, authors: [], firstAt: at };
  const next = lives ?? { current: life, work, startedNow: true, lifeOf: new Map(), lastOfType: new Map() };
  if (key !== null && !next.lifeOf.has(key)) next.lifeOf.set(key, life);
  return withAuthor(next, life, author, work, returning === undefined && continued === undefined);
}

function withAuthor(
  lives: KeyLives,
  life: RecordLife,
  author: string,
  work: RecordWork,
  started: boolean,
): KeyLives {
  if (!life.authors.includes(author)) life.authors.push(author);
  lives.current = life;
  lives.work = work;
  lives.startedNow = started;
  if (work.type !== null && work.strokes === null)
    lives.lastOfType.set(work.type, work.words === null ? life : null);
  return lives;
}
