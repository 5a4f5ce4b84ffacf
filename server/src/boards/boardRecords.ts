import type * as Y from 'yjs';
import { WELL_KNOWN_USERS, YDOC_META, YDOC_META_KEY } from '@conjecture/shared';
import {
  BOARD_PAGE_ID,
  drawnWhite,
  gatherOntoBoardPage,
  MAX_NESTING_DEPTH,
  nestedTooDeep,
  nestingDepth,
  otherPageOf,
  type PagedRecord,
  wordsDrawnWhite,
  wordsShrunkAway,
  writtenContent,
} from '@conjecture/shared/board/index';
import type { AddedValue, Entry } from './recordsView.js';
import { isEntry, RecordsView } from './recordsView.js';
import {
  contentSizeRefusal,
  GRID_SIZE_BOUNDS,
  gridSizeRefusal,
  labelIsCurrent,
  metaWriteRefusal,
  recordWriteRefusal,
  valueCharsAtMost,
  SCHEMA_META_KEY,
  unreadableTextRefusal,
  type WriterContext,
} from './writePolicy.js';
import { initialBoardRecords, recordError } from './boardSchema.js';
import { keysInParentCycles, parentIdOf } from './parentCycles.js';
import { BindingIndex, bindingRefusal } from './bindingIntegrity.js';
import { drawingWeight, geometryRefusal } from './shapeGeometry.js';
import { RECORD_CHARS_PER_SHAPE, recordWeight } from './recordWeight.js';
import { ChildIndex, faintnessRefusal } from './shapeOpacity.js';
import { inSight, outOfSightRefusal } from './outOfSight.js';
import { mayHoldReversingText, mendedText } from './reversingText.js';
import { hidingFrame, inAFrame, placedOnPage, shapesPlacedInSight } from './frameClip.js';
import { withWritersAttribution } from './noteAttribution.js';
import { workOf, workReplaced } from './recordLives.js';
import { sentOutOfReach } from './outOfReach.js';
import { readableRichText } from '@conjecture/shared/board/richTextSchema';
import { removalsAfter, removesForGood, teacherRemovalRefusal } from './teacherRemovals.js';

/** The origin of every change the server itself makes to a board (seeding, reverts, locks). */
export const SERVER_ORIGIN = Symbol('server');
export const SERVER_AUTHOR = WELL_KNOWN_USERS.server;

/** What a record points at (its parent; a binding's ends and kind), to compare two values of one key. */
function pointersOf(value: unknown): string {
  const { typeName, type, parentId, fromId, toId } = (value ?? {}) as Record<string, unknown>;
  return JSON.stringify([typeName, type, parentId, fromId, toId]);
}

/** Students (and class-less boards' users) are gated; the teacher and the server write as they need. */
export const isGated = (author: string) => author !== SERVER_AUTHOR && author !== WELL_KNOWN_USERS.teacher;

/** The meta key listing server-locked record ids (written by the server only, like everything in meta). */
export const LOCKED_META_KEY = YDOC_META.locked;
/** The meta key listing the record ids the teacher removed (see teacherRemovals.ts). */
const REMOVED_META_KEY = YDOC_META.removedByTeacher;

/** The string ids a meta list holds (a board stored before the list existed holds none). */
const idsIn = (list: unknown): string[] =>
  Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : [];

export interface RejectedChange {
  key: string;
  reason: string;
}

export interface Rejection {
  /** One per refused key (or stray value); the counts below are of these. */
  changes: RejectedChange[];
  /** How many values the client added that were taken out again. */
  values: number;
  /** Roughly how many bytes of the client's update that was (JSON of the values removed). */
  bytes: number;
  /** Deletions of others' records undone because there were more than the writer may delete at once. */
  othersDeleted: number;
  /**
   * Records refused for their size alone (a megabyte of text, an endless stroke), or for lengthening outlines
   * past the writer's budget: the writer is told.
   */
  tooLarge: number;
  /** New records refused because the writer added more at once than a student may (a flood): told too. */
  tooMany: number;
  /** Changes refused for taking a shape out of sight (faded, shrunk or cropped, see outOfSight.ts): told too. */
  outOfSight: number;
  /** Records the teacher removed, written again (a student's undo): told too. */
  removedByTeacher: number;
}

/**
 * What one student may take away from others, or add, at once. Each is one cheap update that is costly for
 * the group: a select-all-and-delete of the group's board that no classmate's undo brings back; thousands of
 * valid shapes that every classmate's browser must load and no classmate may delete in bulk. Each `allow…`
 * is asked once per transaction with its count; refused, all of it is undone (the writer's deletions of
 * their own records, and their edits, go as asked). The teacher and the server are not gated.
 */
export interface WriterGate {
  /** The user who wrote under a Yjs client id, when known. */
  writerOf(client: number): string | undefined;
  /**
   * Who first wrote each record, as the stored log says now (undefined for one not stored yet): asked once
   * per transaction that takes something away, then looked up per record.
   */
  creators(): (key: string) => string | undefined;
  /** Records someone else created, taken away (see `othersWorkRefusal`). */
  allowOthersTaken(author: string, count: number): boolean;
  /**
   * Records new to the board (keys it did not hold), each weighing 1 — or more, with a long outline — and
   * the weight a change adds to a shape it lengthens.
   */
  allowCreated(author: string, weight: number): boolean;
}

/**
 * The server's own view of a board's records, and the enforcement of what clients may write to it.
 *
 * Every value a client adds is checked on its own (per Y item, not per key): a value that is not a record
 * entry, or whose record the write policy refuses, is removed, and so is every other value the same
 * transaction added for a key — one live entry per key is kept, the right-most, as YKeyValue readers pick.
 * A refused deletion is undone by writing the old value again. Yjs cannot un-apply an update (and the
 * writer's later updates may build on it), so all of this is one compensating server-authored change,
 * deleting in ranges. Locks and the schema label are read from state the server holds, never from what the
 * same transaction wrote.
 */
export class BoardRecords {
  readonly meta: Y.Map<unknown>;
  private readonly view: RecordsView;
  private readonly locked: Set<string>;
  /** Record ids the teacher removed, oldest first, as meta holds them (see teacherRemovals.ts). */
  private removedByTeacher: Set<string>;
  /** The meta values the server stands by: what a refused client change to meta is restored to. */
  private readonly heldMeta = new Map<string, unknown>();
  /** The bindings by the shapes they name (see bindingIntegrity.ts). */
  private readonly bindings = new BindingIndex();
  /** The shapes by the shape they sit in (see shapeOpacity.ts). */
  private readonly children = new ChildIndex();
  /** The bindings naming a shape: a bound arrow is drawn to the shapes it points at, not where its record says. */
  private readonly bindingsOf = (key: string) => this.bindings.bindingsOf(key);
  private readonly changeListeners = new Set<(keys: string[], origin: unknown) => void>();
  private readonly suspectListeners = new Set<(keys: string[], origin: unknown) => void>();

  constructor(
    readonly doc: Y.Doc,
    private readonly onRejected: (rejection: Rejection, origin: unknown) => void = () => {},
    /** The authenticated identity behind a transaction's origin (for rules that depend on who writes). */
    private readonly authorOf: (origin: unknown) => string = () => SERVER_AUTHOR,
    private readonly gate: WriterGate | null = null,
    /** The size of the client update being applied under an origin (it holds every value it adds). */
    private readonly receivedUpdate: (origin: unknown) => Uint8Array | undefined = () => undefined,
  ) {
    this.view = new RecordsView(doc);
    for (const key of this.view.keys()) {
      const value = this.view.winner(key)?.val;
      this.bindings.update(key, value);
      this.children.update(key, value);
    }
    this.meta = doc.getMap(YDOC_META_KEY);
    this.meta.forEach((value, key) => this.heldMeta.set(key, value));
    this.locked = new Set(idsIn(this.meta.get(LOCKED_META_KEY)));
    this.removedByTeacher = new Set(idsIn(this.meta.get(REMOVED_META_KEY)));
    this.view.array.observe((_event, tr) => this.onArrayChange(tr));
    this.meta.observe((event, tr) => this.onMetaChange(event, tr));
  }

  get array(): Y.Array<unknown> {
    return this.view.array;
  }

  /** Called with the keys whose value a transaction changed (after enforcement; reverts come as their own call). */
  onChange(listener: (keys: string[], origin: unknown) => void): void {
    this.changeListeners.add(listener);
  }

  /**
   * Called with the shapes a client's change may have left wholly outside the frames that hold them (see
   * frameClip.ts): the shapes in a frame it changed, and the frames and groups whose change may carry what
   * they hold out of sight. Only named here (a few lookups each): whether they are hidden is worked out later,
   * once (`hiddenInFrames`) — a script resizing a frame of 500 strokes 120 times a second must not cost the
   * server 500 outlines each time. Nothing is refused: tldraw leaves shapes clipped during a drag or a resize
   * and moves them out when it ends.
   */
  onFrameSuspects(listener: (keys: string[], origin: unknown) => void): void {
    this.suspectListeners.add(listener);
  }

  /**
   * Of these shapes and everything they hold, those a frame hides entirely (see `hidingFrame`), each with the
   * one of `keys` it was found through.
   */
  hiddenInFrames(keys: Iterable<string>): Map<string, string> {
    const valueOf = (key: string) => this.get(key);
    const hidden = new Map<string, string>();
    const seen = new Set<string>();
    for (const suspect of keys) {
      const stack = [suspect];
      while (stack.length > 0) {
        const key = stack.pop()!;
        if (seen.has(key)) continue;
        seen.add(key);
        if (hidingFrame(key, valueOf, this.bindingsOf) !== null) hidden.set(key, suspect);
        // What it holds moves with it, and so do the ends of arrows bound to it.
        stack.push(...this.children.childrenOf(key), ...this.arrowsBoundTo(key));
      }
    }
    return hidden;
  }

  /**
   * Server-side: moves each of these shapes that a frame still hides out onto the page, where it is drawn
   * now (a shape in a hidden frame comes out with the frame). Returns the shapes moved.
   */
  placeInSight(keys: Iterable<string>): string[] {
    const placed = shapesPlacedInSight(keys, (key) => this.get(key), this.bindingsOf);
    if (placed.size > 0)
      this.doc.transact(() => {
        for (const [key, value] of placed) this.set(key, value);
      }, SERVER_ORIGIN);
    return [...placed.keys()];
  }

  /** Records the server placed and locked: no client may change or delete them. */
  lockedKeys(): Set<string> {
    return new Set(this.locked);
  }

  /** The ids the teacher removed that no student may write again (see teacherRemovals.ts). */
  teacherRemovedKeys(): Set<string> {
    return new Set(this.removedByTeacher);
  }

  /** Server-side (inside a SERVER_ORIGIN transaction): locks records against every client's changes. */
  lock(keys: Iterable<string>): void {
    for (const key of keys) this.locked.add(key);
    this.meta.set(LOCKED_META_KEY, [...this.locked].sort());
  }

  /** Server-side: releases records from the lock (e.g. a template item the teacher took away). */
  unlock(keys: Iterable<string>): void {
    for (const key of keys) this.locked.delete(key);
    this.meta.set(LOCKED_META_KEY, [...this.locked].sort());
  }

  get(key: string): unknown {
    return this.view.winner(key)?.val;
  }

  keys(): string[] {
    return this.view.keys();
  }

  /** Server-side writes (call inside a transaction with SERVER_ORIGIN). */
  set(key: string, val: unknown): void {
    this.delete(key);
    this.view.array.push([{ key, val }]);
  }

  delete(key: string): void {
    const winner = this.view.winner(key);
    if (!winner) return;
    const at = this.view.indexOfEntry(winner);
    if (at >= 0) this.view.array.delete(at, 1);
  }

  /**
   * Server-side, on loading a board: takes out what no reader can use — values that are not entries,
   * entries that lost to a later one of their key, and records tldraw's schema refuses (boards written
   * before these checks existed may hold them). Returns what it removed.
   */
  repair(): RejectedChange[] {
    const strays = this.view.strays();
    const invalid = new Map<Entry, string>();
    const valueOf = (key: string) => this.view.winner(key)?.val;
    // Records written under an older schema label are valid for a client that migrates them: leave them.
    if (labelIsCurrent(this.meta.get(SCHEMA_META_KEY))) {
      for (const key of this.view.keys()) {
        const reason = recordError(key, valueOf(key));
        if (reason !== null) invalid.set(this.view.winner(key) as Entry, reason);
      }
    }
    // A loop of parents, a binding tldraw cannot hold, a shape whose outline takes seconds to work out, or a
    // text the editor cannot read, written before they were refused, would freeze or break every browser
    // that loads the board: taken out…
    for (const key of keysInParentCycles(this.view.keys(), (k) => parentIdOf(valueOf(k)))) {
      const entry = this.view.winner(key) as Entry;
      if (!invalid.has(entry)) invalid.set(entry, `${key}: its parents loop back to it`);
    }
    // …but a text the editor cannot read keeps its words, as a plain document, a grid no editor can snap
    // to is tldraw's again, a shape faded, shrunk or cropped out of sight is put back in sight, and a text
    // loses the controls that turn it backwards (written before they were refused).
    const rewritten = new Map<Entry, unknown>();
    const reasons = new Map<Entry, string>();
    for (const key of this.view.keys()) {
      const value = valueOf(key);
      const entry = this.view.winner(key) as Entry;
      if (invalid.has(entry)) continue;
      const reason = bindingRefusal(key, value, valueOf) ?? geometryRefusal(key, value);
      if (reason !== null) invalid.set(entry, reason);
      const mended = reason === null ? mendedRecord(key, value) : null;
      if (mended) {
        rewritten.set(entry, mended.val);
        reasons.set(entry, mended.reason);
      }
    }
    const valueNow = (key: string) => {
      const entry = this.view.winner(key);
      return entry === undefined || invalid.has(entry) ? undefined : (rewritten.get(entry) ?? entry.val);
    };
    // …a shape whose parent is gone (drawn nowhere) is put on the page at its own x, y (the parent's are lost)…
    for (const key of this.view.keys()) {
      const value = valueNow(key);
      const parent = parentIdOf(value);
      if (!key.startsWith('shape:') || !parent?.startsWith('shape:') || valueNow(parent) !== undefined)
        continue;
      const entry = this.view.winner(key) as Entry;
      rewritten.set(entry, { ...(value as object), parentId: BOARD_PAGE_ID });
      reasons.set(entry, `${key}: its parent ${parent} is gone, put on the page`);
    }
    // …a shape nested past the bound (tldraw's editor overflows its stack on a deep chain) is put on the page
    // where it was drawn, what it holds with it…
    for (const [key, val] of shapesUnnested(this.view.keys(), valueNow)) {
      const entry = this.view.winner(key) as Entry;
      rewritten.set(entry, val);
      reasons.set(entry, `${key}: nested past ${MAX_NESTING_DEPTH} deep, put on the page`);
    }
    // …and a shape that a frame hides entirely is moved out onto the page, where it was drawn.
    for (const [key, val] of shapesPlacedInSight(this.view.keys(), valueNow, this.bindingsOf)) {
      const entry = this.view.winner(key) as Entry;
      rewritten.set(entry, val);
      reasons.set(
        entry,
        `${key}: moved out of the frame ${hidingFrame(key, valueNow, this.bindingsOf)} that hid it`,
      );
    }
    this.gatherPages(invalid, rewritten, reasons);
    const pageMissing =
      valueOf(BOARD_PAGE_ID) === undefined && labelIsCurrent(this.meta.get(SCHEMA_META_KEY));

    if (strays.length === 0 && invalid.size === 0 && rewritten.size === 0 && !pageMissing) return [];
    const replaced = [...invalid.keys(), ...rewritten.keys()];
    const positions = this.view.indexesOf([], new Set(replaced));
    this.doc.transact(() => {
      this.view.deleteIndexes([...strays, ...replaced.map((e) => positions.get(e) as number)]);
      this.view.array.push([...rewritten].map(([e, val]) => ({ key: e.key, val })));
      if (pageMissing)
        this.view.array.push([
          { key: BOARD_PAGE_ID, val: initialBoardRecords().find((r) => r.id === BOARD_PAGE_ID) },
        ]);
    }, SERVER_ORIGIN);
    return [
      ...[...invalid].map(([e, reason]) => ({ key: e.key, reason })),
      ...[...reasons].map(([e, reason]) => ({ key: e.key, reason })),
      ...(pageMissing ? [{ key: BOARD_PAGE_ID, reason: `${BOARD_PAGE_ID}: made again` }] : []),
      ...(strays.length > 0 ? [{ key: '?', reason: `${strays.length} stray values` }] : []),
    ];
  }

  /**
   * A board is one page: the shapes of other pages (written before it was) are placed on it, beside what
   * is there, as rewrites; the other pages are taken out.
   */
  private gatherPages(
    invalid: Map<Entry, string>,
    rewritten: Map<Entry, unknown>,
    reasons: Map<Entry, string>,
  ): void {
    // Almost every board is one page already: looked over once, nothing copied.
    if (!this.view.keys().some((key) => otherPageOf(this.view.winner(key)?.val) !== null)) return;
    const kept: Array<PagedRecord & { entry: Entry }> = [];
    for (const key of this.view.keys()) {
      const entry = this.view.winner(key) as Entry;
      const val = rewritten.get(entry) ?? entry.val;
      if (!invalid.has(entry) && typeof val === 'object' && val !== null)
        kept.push({ ...(val as PagedRecord), entry });
    }
    const { moved, strayPages } = gatherOntoBoardPage(kept);
    for (const { entry, ...val } of moved) {
      const from = (rewritten.get(entry) ?? entry.val) as PagedRecord;
      rewritten.set(entry, val);
      reasons.set(entry, `${entry.key}: moved from ${String(from.parentId)} onto ${BOARD_PAGE_ID}`);
    }
    for (const key of strayPages) invalid.set(this.view.winner(key) as Entry, `${key}: a board has one page`);
  }

  private onArrayChange(tr: Y.Transaction): void {
    const { added, deleted } = this.view.changesOf(tr);
    if (added.length === 0 && deleted.length === 0) return;
    const deletedWinners = new Map<string, Entry>();
    /** Who wrote each deleted winner: the Yjs client its item was written under. */
    const deletedClients = new Map<string, number>();
    for (const item of deleted) {
      for (const c of item.content.getContent()) {
        if (isEntry(c) && this.view.winner(c.key) === c) {
          deletedWinners.set(c.key, c);
          deletedClients.set(c.key, item.id.client);
        }
      }
    }
    if (tr.origin === SERVER_ORIGIN) return this.acceptServerChange(added, deletedWinners, tr.origin);
    this.enforce(added, deletedWinners, deletedClients, tr.origin);
  }

  /** The server writes one live entry per key, appended: it wins. */
  private acceptServerChange(added: AddedValue[], deletedWinners: Map<string, Entry>, origin: unknown): void {
    const changed = new Set<string>();
    for (const key of deletedWinners.keys()) {
      this.view.setWinner(key, undefined);
      changed.add(key);
    }
    for (const { value } of added) {
      if (!isEntry(value)) continue;
      this.view.setWinner(value.key, value);
      changed.add(value.key);
    }
    this.notify([...changed], origin);
    // A restore (a snapshot, the replay) puts back what the teacher removed: it is the class's again. Most
    // server changes (seeding, every revert of a refused change) meet no held removal: nothing to look up.
    if (this.removedByTeacher.size > 0)
      this.rememberRemovals(
        [],
        [...changed].filter((key) => this.view.winner(key) !== undefined),
      );
  }

  /**
   * Server-side: holds the ids the teacher just removed and frees those written again by her or the server
   * (written to meta in a server transaction of its own, so it is stored with the board).
   */
  private rememberRemovals(removed: readonly string[], restored: readonly string[]): void {
    const freed = restored.filter((key) => this.removedByTeacher.has(key));
    if (removed.length === 0 && freed.length === 0) return;
    const held = removalsAfter([...this.removedByTeacher], removed, freed);
    this.removedByTeacher = new Set(held);
    this.doc.transact(() => this.meta.set(REMOVED_META_KEY, held), SERVER_ORIGIN);
  }

  private enforce(
    added: AddedValue[],
    deletedWinners: Map<string, Entry>,
    deletedClients: ReadonlyMap<string, number>,
    origin: unknown,
  ): void {
    const update = this.receivedUpdate(origin);
    const writer = {
      author: this.authorOf(origin),
      locked: this.locked,
      removedByTeacher: isGated(this.authorOf(origin)) ? this.removedByTeacher : undefined,
      // Unset (measure and read each value) when the transaction is not a client's update being applied.
      valueCharsAtMost: update === undefined ? undefined : valueCharsAtMost(update.byteLength),
      mayHoldReversingText: update === undefined ? undefined : mayHoldReversingText(update),
    };
    const rejected: RejectedChange[] = [];
    const junk: AddedValue[] = [];
    const byKey = new Map<string, AddedValue[]>();
    for (const a of added) {
      if (!isEntry(a.value)) {
        junk.push(a);
        rejected.push({ key: '?', reason: 'a value that is not a {key, val} record entry' });
        continue;
      }
      const list = byKey.get(a.value.key);
      if (list) list.push(a);
      else byKey.set(a.value.key, [a]);
    }
    // A key's change stands or falls whole: one refused value takes every value added for the key with it.
    const accepted = new Map<string, AddedValue[]>();
    let tooLarge = 0;
    let outOfSight = 0;
    let removedByTeacher = 0;
    for (const [key, list] of byKey) {
      const before = this.view.winner(key)?.val;
      let refusal: string | null = null;
      for (const a of list) {
        const after = (a.value as Entry).val;
        refusal = recordWriteRefusal({ key, before, after }, writer);
        if (refusal === null) continue;
        if (contentSizeRefusal(key, after, writer.valueCharsAtMost) !== null) tooLarge += 1;
        else if (writer.removedByTeacher && teacherRemovalRefusal(key, before, writer.removedByTeacher))
          removedByTeacher += 1;
        else if (outOfSightRefusal(key, before, after) !== null) outOfSight += 1;
        break;
      }
      if (refusal === null) accepted.set(key, list);
      else {
        junk.push(...list);
        rejected.push({ key, reason: refusal });
      }
    }

    // Others' work taken away past the budget — deleted, or its words emptied — is refused whole.
    const othersWork = this.othersWorkRefusal(deletedWinners, deletedClients, accepted, byKey, writer);
    for (const key of othersWork?.erased ?? []) {
      junk.push(...(accepted.get(key) ?? []));
      accepted.delete(key);
      rejected.push({ key, reason: othersWork!.reason });
    }

    // New records past the writer's budget (a flood of valid shapes) are refused whole.
    const flood = this.floodRefusal(accepted, writer);
    for (const key of flood?.keys ?? []) {
      junk.push(...(accepted.get(key) ?? []));
      accepted.delete(key);
      rejected.push({ key, reason: flood!.reason });
    }

    // Records valid alone that break the board together (a loop of parents, an arrow bound to itself) are
    // refused at the records the transaction changed.
    const faded = new Set<string>();
    for (const [key, reason] of this.integrityRefusals(accepted, deletedWinners, faded)) {
      junk.push(...(accepted.get(key) ?? []));
      accepted.delete(key);
      rejected.push({ key, reason });
    }

    // Keys with more than one live entry now: the right-most wins, the others go (as YKeyValue readers do).
    const contested = [...accepted].filter(([key, list]) => {
      const old = this.view.winner(key);
      return list.length > 1 || (old !== undefined && !deletedWinners.has(key));
    });
    const olds = new Set<unknown>(contested.map(([key]) => this.view.winner(key)).filter(Boolean));
    const needsPositions = contested.length > 0 || junk.length > 0;
    const positions = needsPositions
      ? this.view.indexesOf([...junk, ...contested.flatMap(([, l]) => l)], olds)
      : null;

    const changed: string[] = [];
    const deleteAt: number[] = junk.map((a) => positions?.get(a)).filter((i): i is number => i !== undefined);
    const restore: Entry[] = [];
    /** Shapes holding others whose change can carry those out of a frame's sight. */
    const carriers: string[] = [];
    /** Notes a student labelled with someone else's id, relabelled with theirs (see noteAttribution.ts). */
    const relabelled = new Map<string, unknown>();
    for (const [key, list] of accepted) {
      const old = this.view.winner(key);
      const candidates: Array<AddedValue | Entry> = [...list];
      if (old && !deletedWinners.has(key)) candidates.push(old);
      let winner = candidates[0] as AddedValue | Entry;
      if (candidates.length > 1) {
        const at = (c: AddedValue | Entry) => positions?.get(c) ?? -1;
        winner = candidates.reduce((best, c) => (at(c) > at(best) ? c : best));
        for (const c of candidates) if (c !== winner && at(c) >= 0) deleteAt.push(at(c));
      }
      const entry = ('item' in winner ? winner.value : winner) as Entry;
      if (entry !== old) changed.push(key);
      if (entry !== old && this.children.childrenOf(key).size > 0 && carriesChildren(old?.val, entry.val))
        carriers.push(key);
      const own =
        entry !== old && isGated(writer.author)
          ? withWritersAttribution(old?.val, entry.val, writer.author)
          : null;
      if (own !== null) relabelled.set(key, own);
      this.view.setWinner(key, entry);
    }
    /** Shapes whose deletion stands, with their last values (where what they held was drawn). */
    const gone = new Map<string, unknown>();
    for (const [key, old] of deletedWinners) {
      if (accepted.has(key)) continue;
      // A refused update (delete + write) is undone whole: the old value comes back.
      const refusal = byKey.has(key)
        ? 'replaced by a refused value'
        : (recordWriteRefusal({ key, before: old.val, after: undefined }, writer) ??
          (othersWork?.deleted.has(key) ? othersWork.reason : null));
      if (refusal === null) {
        this.view.setWinner(key, undefined);
        changed.push(key);
        if (key.startsWith('shape:')) gone.set(key, old.val);
      } else {
        if (!byKey.has(key)) rejected.push({ key, reason: refusal });
        restore.push({ key, val: old.val });
      }
    }
    const orphans = this.orphansOf(gone);
    if (changed.length > 0) {
      this.notify(changed, origin);
      this.reportSuspects(changed, carriers, origin);
    }
    // The teacher's removals stand against students' undo; what she writes again is theirs again.
    if (removesForGood(writer.author)) {
      const removed = [...deletedWinners.keys()].filter(
        (key) => (key.startsWith('shape:') || key.startsWith('binding:')) && this.get(key) === undefined,
      );
      this.rememberRemovals(removed, [...accepted.keys()]);
    }
    const reverting = deleteAt.length > 0 || restore.length > 0;
    if (reverting)
      this.doc.transact(() => {
        this.view.deleteIndexes(deleteAt);
        if (restore.length > 0) this.view.array.push(restore);
      }, SERVER_ORIGIN);
    // Only after the revert: its positions were read before, and a server write moves what follows it.
    if (orphans.size > 0 || relabelled.size > 0)
      this.doc.transact(() => {
        for (const [key, value] of [...orphans, ...relabelled]) this.set(key, value);
      }, SERVER_ORIGIN);
    if (!reverting) return;
    if (rejected.length > 0) {
      const bytes = junk.reduce((sum, a) => sum + (JSON.stringify(a.value)?.length ?? 4), 0);
      this.onRejected(
        {
          changes: rejected,
          values: junk.length,
          bytes,
          othersDeleted: othersWork?.count ?? 0,
          tooLarge: tooLarge + (flood ? flood.keys.length - flood.created : 0),
          tooMany: flood?.created ?? 0,
          outOfSight: outOfSight + faded.size,
          removedByTeacher,
        },
        origin,
      );
    }
  }

  /**
   * What the transaction takes away of records someone else created, when the gate refuses it all; null when
   * it stands. Taken away: plain deletions (no value written for the key); rewrites that replace the work
   * (`workReplaced`, what starts a new life of the record in recordLives.ts: fewer than half of the words
   * there were left — a text, an equation or a table emptied, or replaced by a "." — a drawing's strokes
   * redrawn or cut down, another type of shape written under its id), draw a shape white on the white canvas
   * (`drawnWhite`) or its words, a box's or an arrow's label (`wordsDrawnWhite`), or shrink its words under a
   * pixel (`wordsShrunkAway`);
   * and shapes sent out of reach (`sentOutOfReach`: moved, or carried in a frame, past `WORK_REACH`).
   * `deleted` are the deleted keys refused, `erased` the written ones (for shapes carried away, the frame
   * that carried them). Moving, resizing or recolouring others' work is ordinary editing and not counted,
   * and it does not make the work the editor's: whose it is is read from who created it (a record not
   * stored yet is its last writer's), or a pixel's move of everything would open it all to a bulk delete.
   * The teacher and the server are not gated.
   */
  private othersWorkRefusal(
    deletedWinners: ReadonlyMap<string, Entry>,
    deletedClients: ReadonlyMap<string, number>,
    accepted: ReadonlyMap<string, AddedValue[]>,
    byKey: ReadonlyMap<string, unknown>,
    writer: { author: string; locked: ReadonlySet<string> },
  ): { deleted: Set<string>; erased: Set<string>; count: number; reason: string } | null {
    const gate = this.gate;
    if (!gate || !isGated(writer.author)) return null;
    let creatorOf: ((key: string) => string | undefined) | null = null;
    const othersWork = (key: string) => {
      creatorOf ??= gate.creators();
      const creator = creatorOf(key);
      if (creator !== undefined) return creator !== writer.author;
      const client = deletedClients.get(key);
      return client === undefined || gate.writerOf(client) !== writer.author;
    };
    const deleted = new Set<string>();
    const erased = new Set<string>();
    // Whose work it is is asked only of what is taken away: every move also replaces a record's entry.
    for (const [key, old] of deletedWinners) {
      if (writer.locked.has(key)) continue;
      const written = accepted.get(key);
      const last = written?.[written.length - 1]?.value as Entry | undefined;
      const takenAway =
        (!written && !byKey.has(key)) ||
        (last !== undefined &&
          (workReplaced(workOf(old.val), workOf(last.val)) ||
            (drawnWhite(last.val) && !drawnWhite(old.val)) ||
            (writtenContent(old.val) !== null &&
              ((wordsDrawnWhite(last.val) && !wordsDrawnWhite(old.val)) ||
                wordsShrunkAway(old.val, last.val)))));
      if (!takenAway || !othersWork(key)) continue;
      if (written) erased.add(key);
      else deleted.add(key);
    }
    const taken = new Set(deleted);
    for (const key of erased) taken.add(key);
    const after = (key: string) => {
      const written = accepted.get(key);
      if (written) return (written[written.length - 1]!.value as Entry).val;
      return deletedWinners.has(key) ? undefined : this.view.winner(key)?.val;
    };
    const sent = sentOutOfReach(
      accepted.keys(),
      (key) => this.view.winner(key)?.val, // not yet replaced by the transaction's values
      after,
      (key) => this.children.childrenOf(key),
    );
    for (const [key, by] of sent) {
      if (writer.locked.has(key) || taken.has(key) || !othersWork(key)) continue;
      taken.add(key);
      erased.add(by);
    }
    const count = taken.size;
    if (count === 0 || gate.allowOthersTaken(writer.author, count)) return null;
    return {
      deleted,
      erased,
      count,
      reason: `${count} records others wrote deleted, emptied, rewritten or sent out of reach at once: more than one student may`,
    };
  }

  /**
   * The keys the transaction changed that would leave the board with a loop of parents or a binding tldraw
   * cannot hold, with why. Refusing a change puts back the old value, which may clash with another change:
   * looked for again until none. A key written more than once in one transaction is refused when its values
   * disagree on what they point at (tldraw writes a record once per change), so what is checked is what wins.
   */
  private integrityRefusals(
    accepted: ReadonlyMap<string, AddedValue[]>,
    deletedWinners: ReadonlyMap<string, Entry>,
    /** Gets the keys refused for fading a shape out of sight with its frames. */
    faded: Set<string>,
  ): Map<string, string> {
    const refused = new Map<string, string>();
    for (const [key, list] of accepted) {
      if (list.length > 1 && new Set(list.map((a) => pointersOf((a.value as Entry).val))).size > 1)
        refused.set(key, `${key}: written twice in one change, pointing at different records`);
    }
    const valueOf = (key: string): unknown => {
      const list = refused.has(key) ? undefined : accepted.get(key);
      if (list) return (list[list.length - 1]?.value as Entry).val;
      return deletedWinners.has(key) ? undefined : this.view.winner(key)?.val;
    };
    for (;;) {
      const found = new Map<string, string>();
      const changed = [...accepted.keys()].filter((key) => !refused.has(key));
      for (const key of keysInParentCycles(changed, (k) => parentIdOf(valueOf(k)))) {
        if (accepted.has(key) && !refused.has(key)) found.set(key, `${key}: its parents loop back to it`);
      }
      for (const key of changed) {
        if (found.has(key)) continue;
        const parent = key.startsWith('shape:') ? parentIdOf(valueOf(key)) : undefined;
        if (parent?.startsWith('shape:') && valueOf(parent) === undefined) {
          // tldraw draws only shapes whose parents lead to the page: this one would be drawn nowhere.
          found.set(key, `${key}: its parent ${parent} is not on the board`);
          continue;
        }
        const deep = nestedTooDeep(key, this.view.winner(key)?.val, valueOf, (k) =>
          this.children.childrenOf(k),
        );
        if (deep !== null) {
          const what = deep.shape === key ? key : `${key}: ${deep.shape} inside it`;
          found.set(key, `${what} nested ${deep.depth} deep, past ${MAX_NESTING_DEPTH}`);
          continue;
        }
        const faint = faintnessRefusal(key, this.view.winner(key)?.val, valueOf, this.children);
        if (faint !== null) {
          found.set(key, faint);
          faded.add(key);
          continue;
        }
        const own = bindingRefusal(key, valueOf(key), valueOf);
        if (own !== null) found.set(key, own);
        else if (key.startsWith('shape:')) {
          // A shape made (or remade) where a binding already points must suit that binding.
          for (const binding of this.bindings.bindingsOf(key)) {
            if (accepted.has(binding) && !refused.has(binding)) continue; // checked as itself
            const why = bindingRefusal(binding, valueOf(binding), valueOf);
            if (why !== null) found.set(key, `${key}: ${why}`);
          }
        }
      }
      if (found.size === 0) return refused;
      for (const [key, why] of found) refused.set(key, why);
    }
  }

  /**
   * The records the transaction adds to what every browser must draw and hold — new records, and records
   * whose outline or bytes it grows (see `recordWeight`) — when that is more than the gate allows; else null.
   */
  private floodRefusal(
    accepted: ReadonlyMap<string, AddedValue[]>,
    { author, valueCharsAtMost: charsAtMost = Infinity }: WriterContext,
  ): { keys: string[]; created: number; reason: string } | null {
    if (!this.gate || !isGated(author)) return null;
    // Bytes are weighed only when the change could carry a value that weighs more than one for them.
    const measured = charsAtMost >= RECORD_CHARS_PER_SHAPE;
    const keys: string[] = [];
    let created = 0;
    let weight = 0;
    for (const [key, list] of accepted) {
      const before = this.view.winner(key);
      let after = -Infinity; // the heaviest of the key's values (a loop: this runs for every record written)
      for (const a of list) after = Math.max(after, recordWeight((a.value as Entry).val, measured));
      // What it held weighs at least its drawing; its bytes are weighed only when they could matter.
      const added =
        before === undefined
          ? after
          : after <= drawingWeight(before.val)
            ? 0
            : after - recordWeight(before.val, measured);
      if (added <= 0) continue;
      keys.push(key);
      weight += added;
      if (before === undefined) created += 1;
    }
    if (weight === 0 || this.gate.allowCreated(author, weight)) return null;
    const grown = keys.length - created;
    const reason = `${weight} to draw at once (${created} new, ${grown} lengthened): more than a student may add`;
    return { keys, created, reason };
  }

  /**
   * The shapes a change left without their parent — it deleted a frame or group and not what that held, which
   * tldraw's editor never does — each placed on the page where it was drawn. tldraw draws only shapes whose
   * parents lead to the page: a script deleting its own frame hid the classmates' work inside it, no deletion
   * of theirs counted. (Call before `notify`: the child index still holds the deleted shapes' children.)
   */
  private orphansOf(gone: ReadonlyMap<string, unknown>): Map<string, unknown> {
    const orphans = new Map<string, unknown>();
    if (gone.size === 0) return orphans;
    const before = (key: string) => (gone.has(key) ? gone.get(key) : this.get(key));
    for (const parent of gone.keys()) {
      for (const child of this.children.childrenOf(parent)) {
        if (gone.has(child) || parentIdOf(this.get(child)) !== parent) continue;
        orphans.set(child, placedOnPage(child, before));
      }
    }
    return orphans;
  }

  /** The arrows whose ends are bound to the shape `key`. */
  private arrowsBoundTo(key: string): string[] {
    const arrows: string[] = [];
    for (const bindingKey of this.bindings.bindingsOf(key)) {
      const { fromId, toId } = (this.get(bindingKey) ?? {}) as { fromId?: unknown; toId?: unknown };
      if (toId === key && typeof fromId === 'string' && fromId !== key) arrows.push(fromId);
    }
    return arrows;
  }

  /**
   * Names to the listeners the changed shapes in a frame, the carriers (see `onFrameSuspects`), and the arrows
   * in a frame that a changed shape or binding moves the ends of.
   */
  private reportSuspects(changed: readonly string[], carriers: readonly string[], origin: unknown): void {
    if (this.suspectListeners.size === 0) return;
    const valueOf = (key: string) => this.get(key);
    const suspects = new Set(carriers);
    const named = (key: string) => {
      if (!suspects.has(key) && inAFrame(key, valueOf)) suspects.add(key);
    };
    for (const key of changed) {
      if (key.startsWith('shape:')) {
        named(key);
        for (const arrow of this.arrowsBoundTo(key)) named(arrow);
      } else if (key.startsWith('binding:')) {
        const { fromId } = (this.get(key) ?? {}) as { fromId?: unknown };
        if (typeof fromId === 'string') named(fromId);
      }
    }
    if (suspects.size === 0) return;
    for (const listener of this.suspectListeners) listener([...suspects], origin);
  }

  private notify(keys: string[], origin: unknown): void {
    if (keys.length === 0) return;
    for (const key of keys) {
      const value = this.view.winner(key)?.val;
      this.bindings.update(key, value);
      this.children.update(key, value);
    }
    for (const listener of this.changeListeners) listener(keys, origin);
  }

  /** Meta is the server's, but for a schema label a client may upgrade (see the write policy). */
  private onMetaChange(event: Y.YMapEvent<unknown>, tr: Y.Transaction): void {
    if (tr.origin === SERVER_ORIGIN) {
      for (const key of event.keysChanged) {
        if (this.meta.has(key)) this.heldMeta.set(key, this.meta.get(key));
        else this.heldMeta.delete(key);
      }
      return;
    }
    const undo: RejectedChange[] = [];
    for (const key of event.keysChanged) {
      const value = this.meta.has(key) ? this.meta.get(key) : undefined;
      const refusal = metaWriteRefusal(key, value, this.heldMeta.get(key));
      if (refusal === null) this.heldMeta.set(key, value);
      else undo.push({ key: `meta.${key}`, reason: refusal });
    }
    if (undo.length === 0) return;
    this.doc.transact(() => {
      for (const { key } of undo) {
        const name = key.slice('meta.'.length);
        if (this.heldMeta.has(name)) this.meta.set(name, this.heldMeta.get(name));
        else this.meta.delete(name);
      }
    }, SERVER_ORIGIN);
    this.onRejected(
      {
        changes: undo,
        values: 0,
        bytes: 0,
        othersDeleted: 0,
        tooLarge: 0,
        tooMany: 0,
        outOfSight: 0,
        removedByTeacher: 0,
      },
      tr.origin,
    );
  }
}

/**
 * Whether a change to a shape that holds others can move them into or out of a frame's sight: anything but
 * moving or turning a shape on the page (what it holds goes with it), or restyling it.
 */
function carriesChildren(before: unknown, after: unknown): boolean {
  if (after === undefined) return false;
  const onPage = (value: unknown) => !parentIdOf(value)?.startsWith('shape:');
  if (before === undefined || !onPage(before) || !onPage(after)) return true;
  const size = (value: unknown) => {
    const { type, props } = value as { type?: unknown; props?: { w?: unknown; h?: unknown } };
    return type === 'frame' ? [props?.w, props?.h] : [];
  };
  const [was, now] = [size(before), size(after)];
  return was.length !== now.length || was.some((v, i) => v !== now[i]);
}

/**
 * The shapes to put on the page so that none is nested deeper than `MAX_NESTING_DEPTH`, each where it is drawn
 * (see `placedOnPage`): the outermost past the bound, then again for what they hold, until none is. For a
 * board stored before the bound (see `BoardRecords.repair`); a board within it costs one walk up per shape.
 */
function shapesUnnested(keys: readonly string[], valueOf: (key: string) => unknown): Map<string, unknown> {
  const placed = new Map<string, unknown>();
  const current = (key: string) => (placed.has(key) ? placed.get(key) : valueOf(key));
  let deep = keys.filter((key) => nestingDepth(key, current) > MAX_NESTING_DEPTH);
  while (deep.length > 0) {
    const outermost = deep.filter((key) => {
      const parent = parentIdOf(current(key));
      return parent !== undefined && nestingDepth(parent, current) === MAX_NESTING_DEPTH;
    });
    if (outermost.length === 0) break; // a loop (taken out before this) or a missing parent: nothing to place
    const moved = outermost.map((key) => [key, placedOnPage(key, current)] as const);
    for (const [key, val] of moved) placed.set(key, val);
    deep = deep.filter((key) => nestingDepth(key, current) > MAX_NESTING_DEPTH);
  }
  return placed;
}

/** A stored record kept with one part put right (see `repair`), or null when it needs none. */
function mendedRecord(key: string, value: unknown): { val: unknown; reason: string } | null {
  if (unreadableTextRefusal(key, value) !== null)
    return { val: withReadableText(value), reason: `${key}: its text rewritten as plain text` };
  if (outOfSightRefusal(key, undefined, value) !== null)
    return { val: inSight(value), reason: `${key}: put back in sight` };
  if (gridSizeRefusal(key, value) !== null)
    return {
      val: { ...(value as object), gridSize: GRID_SIZE_BOUNDS.tldraws },
      reason: `${key}: its grid put back to tldraw's`,
    };
  const readable = mendedText(value);
  if (readable !== null)
    return { val: readable, reason: `${key}: controls that turn text backwards taken out` };
  return null;
}

/** A shape with its rich text replaced by a plain document of the same words. */
function withReadableText(shape: unknown): unknown {
  const { props } = shape as { props: Record<string, unknown> };
  return { ...(shape as object), props: { ...props, richText: readableRichText(props.richText) } };
}
