import * as Y from 'yjs';
import { WELL_KNOWN_USERS, wordCount, type ParticipationAct } from '@conjecture/shared';
import { CRITIQUE_TYPE, recordText, type CritiqueThread } from '@conjecture/shared/board/index';
import type { BoardStore } from '../storage/boardStore.js';
import { workOf, writeLife, type KeyLives } from '../boards/recordLives.js';

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

interface Folded extends BoardActs {
  seq: number;
  /** Words each record held after its last write (what the next write is measured against). */
  words: Map<string, number>;
  /** Per shape the lives of its work (recordLives.ts): a write that starts one is its writer's creation. */
  lives: Map<string, KeyLives>;
  seenReplies: Set<string>;
}

/**
 * Per store, what has been read of each board's log so far: the log only grows, so a later call folds in
 * just the newer entries (the dashboard asks again after every burst of activity).
 */
const cache = new WeakMap<BoardStore, Map<string, Folded>>();

const isShape = (key: string) => key.startsWith('shape:');

function foldUpdate(f: Folded, update: Uint8Array, author: string, at: number): void {
  let structs: Array<Y.Item | Y.GC | Y.Skip>;
  try {
    structs = (Y.decodeUpdate(update) as { structs: Array<Y.Item | Y.GC | Y.Skip> }).structs;
  } catch {
    return; // stored updates were checked on the way in
  }
  const createdNow = new Set<string>();
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
    for (const entry of struct.content.getContent()) {
      const { key, val } = (entry ?? {}) as { key?: unknown; val?: unknown };
      if (typeof key !== 'string' || typeof val !== 'object' || val === null) continue;
      // Only the server writes critique threads (the write policy reverts anyone else's): their replies
      // carry the author and time the server set.
      if (author === WELL_KNOWN_USERS.server && (val as { typeName?: unknown }).typeName === CRITIQUE_TYPE)
        foldThread(f, val as CritiqueThread);
      if (!isShape(key)) continue;
      const words = wordCount(recordText(val));
      const added = Math.max(0, words - (f.words.get(key) ?? 0));
      f.words.set(key, words);
      const lives = writeLife(f.lives.get(key), { author, at, work: workOf(val) });
      f.lives.set(key, lives);
      if (author === WELL_KNOWN_USERS.server || createdNow.has(key)) continue;
      if (lives.startedNow) {
        createdNow.add(key);
        f.acts.push({ kind: 'create', author, at, itemId: key, words: added });
      } else {
        f.acts.push({ kind: 'edit', author, at, itemId: key, words: added });
      }
    }
  }
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

function foldThread(f: Folded, thread: CritiqueThread): void {
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

/**
 * Who did what on a board, read from the server's per-update authorship log: a write that starts a life of a
 * shape (its first, or new work written under its id: `writeLife`, as authorship reads it) is its author's
 * creation, other writes by anyone are edits; words are what each write added to the shape's
 * text; critique replies come from the threads the server wrote. Nothing here trusts who a record claims
 * wrote it. The answer is shared with later calls: do not change it.
 */
export function boardActs(store: BoardStore, boardId: string): BoardActs {
  let boards = cache.get(store);
  if (!boards) cache.set(store, (boards = new Map()));
  if (!store.getBoard(boardId)) {
    boards.delete(boardId); // deleted for good: keep nothing about it
    return { acts: [], replies: [] };
  }
  let f = boards.get(boardId);
  if (!f) {
    f = { seq: 0, acts: [], replies: [], words: new Map(), lives: new Map(), seenReplies: new Set() };
    boards.set(boardId, f);
  }
  for (const { seq, update, author, at } of store.updatesAfter(boardId, f.seq)) {
    foldUpdate(f, update, author, at);
    f.seq = seq;
  }
  return f;
}

/** Forgets what was folded of boards deleted since (a deleted class's work must not outlive it in memory). */
export function forgetDeletedActs(store: BoardStore): void {
  const boards = cache.get(store);
  for (const boardId of boards?.keys() ?? []) if (!store.getBoard(boardId)) boards?.delete(boardId);
}
