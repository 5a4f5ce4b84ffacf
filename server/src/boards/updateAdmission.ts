import { YDOC_META_KEY, YDOC_RECORDS_KEY } from '@conjecture/shared';
import type { ScannedId, ScannedStruct, ScannedUpdate } from './updateScan.js';
import { scanUpdate, UpdateScanError } from './updateScan.js';

/**
 * Whether a client's Yjs update may touch a board, decided before anything is applied.
 *
 * Yjs keeps an update it cannot apply completely as *pending* and applies it later, when what it refers to
 * arrives. On a server that holds every client's writes that is a weapon: a delete set over clocks a
 * classmate has not written yet deletes their future work on arrival, and structs with a missing dependency
 * sit in memory unstored and uncounted. So a room applies an update only if it applies completely against
 * the room's current state: every struct continues what the room holds (or what the same update adds), every
 * struct's neighbours exist, and every deleted range lies inside what the room holds. Nothing is left pending.
 */

/** Root types a board document may contain; anything else a client creates is refused. */
const ROOTS: ReadonlyMap<string, 'list' | 'map'> = new Map([
  [YDOC_RECORDS_KEY, 'list'],
  [YDOC_META_KEY, 'map'],
]);

export type Admission =
  | {
      ok: true;
      /** Client ids under which the update writes structs the room does not hold yet. */
      writes: number[];
      /** Structs, values and deleted ranges: what applying (and perhaps reverting) it costs. */
      items: number;
      /** Bytes of the update that write structs (content, or ranges of it deleted), the rest deletes. */
      structBytes: number;
      /** Whether it deletes anything (has deleted ranges). */
      deletes: boolean;
    }
  | {
      ok: false;
      kind: 'malformed' | 'unsupported' | 'tooManyItems' | 'incomplete';
      reason: string;
      /** For `incomplete`: the client ids whose missing changes the update refers to. */
      missingFrom?: number[];
    };

type Struct = ScannedStruct;

/** The next clock the room expects from a client: what it holds of that client (`Y.getState`). */
export type HeldClock = (client: number) => number;

/**
 * Checks `update` against what the room holds. `maxItems` bounds the cost of applying it: structs, the
 * values they carry and the deleted ranges all count.
 */
export function admitUpdate(update: Uint8Array, known: HeldClock, maxItems: number): Admission {
  let scanned: ScannedUpdate;
  try {
    scanned = scanUpdate(update);
  } catch (err) {
    if (err instanceof UpdateScanError && err.unsupported) {
      return { ok: false, kind: 'unsupported', reason: err.message };
    }
    return { ok: false, kind: 'malformed', reason: `malformed update: ${(err as Error).message}` };
  }
  const { structs, structBytes, deletes } = scanned;

  let items = structs.length;
  for (const ranges of deletes.values()) items += ranges.length;
  for (const struct of structs) if (struct.content === 'any') items += struct.length;
  if (items > maxItems) {
    return { ok: false, kind: 'tooManyItems', reason: `update of ${items} items exceeds ${maxItems}` };
  }

  const byClient = new Map<number, Struct[]>();
  for (const struct of structs) {
    const refusal = contentRefusal(struct);
    if (refusal) return { ok: false, kind: 'unsupported', reason: refusal };
    const list = byClient.get(struct.client);
    if (list) list.push(struct);
    else byClient.set(struct.client, [struct]);
  }

  const reach = integrate(byClient, known);
  if (reach.stuck.length > 0) {
    return {
      ok: false,
      kind: 'incomplete',
      reason: 'the update depends on changes the board does not have',
      missingFrom: reach.stuck,
    };
  }
  for (const [client, ranges] of deletes) {
    const held = reach.state.get(client) ?? known(client);
    for (const { clock, len } of ranges) {
      if (clock + len > held) {
        return {
          ok: false,
          kind: 'incomplete',
          reason: 'the update deletes changes the board does not have',
          missingFrom: [client],
        };
      }
    }
  }
  const writes: number[] = [];
  for (const [client, clock] of reach.state) if (clock > known(client)) writes.push(client);
  return { ok: true, writes, items, structBytes, deletes: deletes.size > 0 };
}

/** Why a struct's content or placement is not something a board holds, or null. */
function contentRefusal(struct: Struct): string | null {
  if (struct.kind === 'skip') return 'the update has a gap (a skipped range)';
  if (struct.kind === 'gc') return null; // a deleted range, no content
  // Content other than JSON values and deleted ranges was refused by the scan.
  // A board holds only JSON values in its two roots: no nested types.
  if (struct.parent !== null && typeof struct.parent === 'object') return 'nested types are not allowed';
  // Items that name their parent (no neighbours) must name one of our roots, the way that root is used:
  // keys in the meta map, none in the records list (a keyed item there would be invisible to every reader).
  if (typeof struct.parent === 'string') {
    const shape = ROOTS.get(struct.parent);
    if (!shape) return `unknown root type "${struct.parent}"`;
    if ((shape === 'map') !== (struct.parentSub !== null)) return `a malformed item in "${struct.parent}"`;
  }
  // Its own client's neighbours must come before it: Yjs does not check this and fails midway otherwise.
  if (laterOfOwnClient(struct, struct.origin) || laterOfOwnClient(struct, struct.rightOrigin)) {
    return 'an item refers to a later change of its own client';
  }
  return null;
}

const laterOfOwnClient = (struct: Struct, dep: ScannedId | null): boolean =>
  dep !== null && dep.client === struct.client && dep.clock >= struct.clock;

/**
 * Plays Yjs's integration forward without applying anything: a client's next struct integrates once it
 * continues the client's clock and the structs it is placed next to exist. Each struct is visited once
 * when it integrates; a blocked client waits on the one client it needs, so the cost stays linear.
 */
function integrate(
  byClient: Map<number, Struct[]>,
  known: HeldClock,
): { state: Map<number, number>; stuck: number[] } {
  /** What the room would hold after the structs integrated so far (only the clients they moved). */
  const state = new Map<number, number>();
  const held = (client: number) => state.get(client) ?? known(client);
  const next = new Map<number, number>();
  for (const client of byClient.keys()) next.set(client, 0);
  const waiting = new Map<number, number[]>();
  const queue = [...byClient.keys()];

  /** The other client whose struct `dep` the room (and the update so far) lacks, or null. */
  const missing = (struct: Struct, dep: ScannedId | null): number | null =>
    dep !== null && dep.client !== struct.client && dep.clock >= held(dep.client) ? dep.client : null;
  const blockerOf = (struct: Struct): number | 'gap' | null => {
    if (held(struct.client) < struct.clock) return 'gap';
    if (struct.kind !== 'item') return null;
    return missing(struct, struct.origin) ?? missing(struct, struct.rightOrigin);
  };

  while (queue.length > 0) {
    const client = queue.pop() as number;
    const list = byClient.get(client) as Struct[];
    let i = next.get(client) as number;
    for (; i < list.length; i++) {
      const struct = list[i] as Struct;
      const blocker = blockerOf(struct);
      if (blocker === 'gap') break; // only this client's own structs could fill it, and they come in order
      if (blocker !== null) {
        const list = waiting.get(blocker);
        if (list) list.push(client);
        else waiting.set(blocker, [client]);
        break;
      }
      const end = struct.clock + struct.length;
      if (end > held(client)) state.set(client, end);
    }
    const advanced = i > (next.get(client) as number);
    next.set(client, i);
    if (advanced) {
      const woken = waiting.get(client);
      if (woken) {
        waiting.delete(client);
        queue.push(...woken);
      }
    }
  }
  // What each stuck client is missing: its own earlier clocks (a gap) or a neighbour's.
  const stuck = new Set<number>();
  for (const [client, list] of byClient) {
    const struct = list[next.get(client) as number];
    if (!struct) continue;
    const blocker = blockerOf(struct);
    stuck.add(blocker === 'gap' || blocker === null ? client : blocker);
  }
  return { state, stuck: [...stuck] };
}
