import * as Y from 'yjs';
import { YDOC_META_KEY, YDOC_RECORDS_KEY } from '@conjecture/shared';

/** Root types a board document may contain; anything else a client creates is refused. */
const ALLOWED_ROOTS = new Set([YDOC_RECORDS_KEY, YDOC_META_KEY]);

export type UpdateCheck = { ok: true } | { ok: false; reason: string };

/**
 * Checks an incoming update before it touches a board. A board holds only JSON values (tldraw records in a
 * key-value array, and a meta map), so an update carrying nested Yjs types, text, embeds, binary or sub-docs,
 * or creating an unknown root type, is refused whole. Malformed or truncated bytes fail to decode here,
 * before any state changes.
 */
export function inspectUpdate(update: Uint8Array): UpdateCheck {
  let decoded: { structs: Array<Y.Item | Y.GC | Y.Skip> };
  try {
    decoded = Y.decodeUpdate(update) as typeof decoded;
  } catch (err) {
    return { ok: false, reason: `malformed update: ${(err as Error).message}` };
  }
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const content = struct.content;
    if (!(content instanceof Y.ContentAny) && !(content instanceof Y.ContentDeleted)) {
      return { ok: false, reason: `unsupported content ${content.constructor.name}` };
    }
    // Items that carry their parent (no left/right origin) name it; only our two roots are allowed.
    if (typeof struct.parent === 'string' && !ALLOWED_ROOTS.has(struct.parent)) {
      return { ok: false, reason: `unknown root type "${struct.parent}"` };
    }
    if (struct.parent instanceof Y.ID) return { ok: false, reason: 'nested types are not allowed' };
  }
  return { ok: true };
}
