import { WELL_KNOWN_USERS, wordCount, type ParticipationAct } from '@conjecture/shared';
import { CRITIQUE_TYPE, recordText, type CritiqueThread } from '@conjecture/shared/board/index';
import type { KeyLives, RecordLife } from './recordLives.js';

/** A critique reply as the server wrote it into its thread (author and time set by the server). */
export interface PostedReply {
  replyId: string;
  authorId: string;
  at: number;
  text: string;
  /** The shape the thread is anchored on. */
  shapeId: string;
}

/** What a board's log says each author did: acts for participation, replies for the timeline. */
export interface BoardActs {
  acts: ParticipationAct[];
  replies: PostedReply[];
}

/** A creation counted, until the server's next update shows whether it was admitted. */
interface Creation {
  act: ParticipationAct;
  /** The entry its write added (identity: compared with the entries the next update deletes). */
  entry: object;
  life: RecordLife;
  /** The words the shape held before (what a refusal puts back). */
  wordsBefore: number | undefined;
}

/** An edit counted, until the server's next update shows whether it stood. */
interface Edit {
  act: ParticipationAct;
  /** The record's value before the update (what a revert puts back); undefined when none stood. */
  before: unknown;
  wordsBefore: number | undefined;
}

/** Who did what, as far as the log is folded (boardLog.ts walks it and hands each record write here). */
export interface ActsFold extends BoardActs {
  /** Words each record held after its last write (what the next write is measured against). */
  words: Map<string, number>;
  seenReplies: Set<string>;
  /** Shapes created in the update being folded: a second write of one in it is part of its creation. */
  createdNow: Set<string>;
  /** The creations of the update being folded. */
  creations: Creation[];
  /** Those of the update before: the server's revert of a refused change is stored right after it. */
  lastCreations: Creation[];
  /** The edits of the update being folded, by key: a second write of a key in it adds to the same edit. */
  edits: Map<string, Edit>;
  /** Those of the update before (the two maps are swapped, not made anew, per update). */
  lastEdits: Map<string, Edit>;
  /** Lives whose creation the server refused: the first admitted write that holds one again creates it. */
  refused: Set<RecordLife>;
}

export const emptyActs = (): ActsFold => ({
  acts: [],
  replies: [],
  words: new Map(),
  seenReplies: new Set(),
  createdNow: new Set(),
  creations: [],
  lastCreations: [],
  edits: new Map(),
  lastEdits: new Map(),
  refused: new Set(),
});

const isShape = (key: string) => key.startsWith('shape:');

/**
 * A record's entry written (`lives`: its key's lives after the write, as authorship folded it; `before`: the
 * value that stood before it).
 */
export function actOnWrite(
  f: ActsFold,
  write: {
    key: string;
    val: unknown;
    author: string;
    at: number;
    entry: object;
    lives: KeyLives;
    before: unknown;
  },
): void {
  const { key, val, author, at, lives } = write;
  if (typeof val !== 'object' || val === null) return;
  // Only the server writes critique threads (the write policy reverts anyone else's): their replies carry
  // the author and time the server set.
  if (author === WELL_KNOWN_USERS.server && (val as { typeName?: unknown }).typeName === CRITIQUE_TYPE)
    foldThread(f, val as CritiqueThread);
  if (!isShape(key)) return;
  const words = wordCount(recordText(val));
  const wordsBefore = f.words.get(key);
  const added = Math.max(0, words - (wordsBefore ?? 0));
  f.words.set(key, words);
  if (author === WELL_KNOWN_USERS.server || f.createdNow.has(key)) return;
  const life = lives.current;
  if (lives.startedNow || f.refused.delete(life)) {
    f.createdNow.add(key);
    const act: ParticipationAct = { kind: 'create', author, at, itemId: key, words: added };
    f.acts.push(act);
    f.creations.push({ act, entry: write.entry, life, wordsBefore });
    return;
  }
  const edit = f.edits.get(key);
  if (edit) {
    edit.act.words += added;
    return;
  }
  const act: ParticipationAct = { kind: 'edit', author, at, itemId: key, words: added };
  f.acts.push(act);
  f.edits.set(key, { act, before: write.before, wordsBefore });
}

/** An update folded: its author and time, the entries it deleted, and the records as it left them. */
export interface FoldedUpdate {
  author: string;
  at: number;
  deleted: ReadonlyArray<{ key: string }>;
  /** Whether an entry of `key` not deleted yet holds `life`. */
  standing: (key: string, life: RecordLife) => boolean;
  /** The value of `key` standing after the update (undefined when none does). */
  valueOf: (key: string) => unknown;
}

/**
 * After an update's writes and deletions: when it is the server's, the creations of the update before it
 * whose entry it deleted, leaving nothing of their work standing, were refused — a revert (the bulk-delete
 * guard putting a classmate's work back, a flood of new records, an invalid record) runs as the transaction
 * right after the writer's and is stored right after it, in the same commit (the same `at`). They are not
 * counted; the life each one started is created by the first admitted write that holds its work again. A
 * later deletion by the server (a student's marks removed) leaves the creation counted. An edit of the update
 * before whose entry the server's update deletes, leaving the record's value as it stood before the edit, was
 * refused (a locked record moved, others' work sent out of reach or drawn white past the writer's allowance,
 * a record the write policy refuses): not counted either. A revert puts back the same life, so the value is
 * what tells it from the server's own rewrite of an admitted edit (a note's label set to its writer, a shape
 * moved back into sight), which leaves the edit counted. (An edit that lost to a concurrent write of the same
 * record, when the server deletes it right after, goes too: its value never stood.) Compared only for the keys
 * such a server update deletes: a revert is rare, a move is not.
 */
export function actsAfterUpdate(f: ActsFold, update: FoldedUpdate): void {
  if (update.author === WELL_KNOWN_USERS.server && update.deleted.length > 0) {
    dropRefusedCreations(f, update);
    dropRefusedEdits(f, update);
  }
  f.createdNow.clear();
  f.lastCreations = f.creations;
  f.creations = [];
  const folded = f.lastEdits;
  f.lastEdits = f.edits;
  f.edits = folded;
  folded.clear();
}

function dropRefusedCreations(f: ActsFold, update: FoldedUpdate): void {
  if (f.lastCreations.length === 0) return;
  const deleted = new Set<object>(update.deleted);
  for (const c of f.lastCreations) {
    const key = c.act.itemId as string;
    if (c.act.at !== update.at || !deleted.has(c.entry) || update.standing(key, c.life)) continue;
    f.acts.splice(f.acts.lastIndexOf(c.act), 1);
    f.refused.add(c.life);
    if (c.wordsBefore === undefined) f.words.delete(key);
    else f.words.set(key, c.wordsBefore);
  }
}

function dropRefusedEdits(f: ActsFold, update: FoldedUpdate): void {
  if (f.lastEdits.size === 0) return;
  for (const { key } of update.deleted) {
    const edit = f.lastEdits.get(key);
    if (!edit || edit.act.at !== update.at || !sameValue(update.valueOf(key), edit.before)) continue;
    f.lastEdits.delete(key);
    f.acts.splice(f.acts.lastIndexOf(edit.act), 1);
    // Put back by the server's write, or left standing when the server only deleted the refused entry.
    if (edit.wordsBefore === undefined) f.words.delete(key);
    else f.words.set(key, edit.wordsBefore);
  }
}

/** Whether two values read from the log hold the same JSON (records are plain data, nested at most 128 deep). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const [x, y] = [a as Record<string, unknown>, b as Record<string, unknown>];
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  return keys.every((k) => Object.hasOwn(y, k) && sameValue(x[k], y[k]));
}

/** The replies of a thread not seen before (marked seen), as the server wrote them. */
export function newReplies(thread: CritiqueThread, seen: Set<string>): PostedReply[] {
  if (!Array.isArray(thread.replies)) return [];
  const fresh: PostedReply[] = [];
  for (const r of thread.replies) {
    if (seen.has(r.replyId)) continue;
    seen.add(r.replyId);
    fresh.push({
      replyId: r.replyId,
      authorId: r.authorId,
      at: r.createdAt,
      text: r.text,
      shapeId: thread.shapeId,
    });
  }
  return fresh;
}

function foldThread(f: ActsFold, thread: CritiqueThread): void {
  for (const r of newReplies(thread, f.seenReplies)) {
    f.replies.push(r);
    f.acts.push({
      kind: 'critiqueReply',
      author: r.authorId,
      at: r.at,
      itemId: null,
      words: wordCount(r.text),
    });
  }
}
