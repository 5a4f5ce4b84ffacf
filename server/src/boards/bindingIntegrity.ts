import { typeNameOf } from './writePolicy.js';
import { KeyedSets } from './keyedSets.js';

/**
 * tldraw trusts a board's bindings to be ones its editor would make: an arrow's binding starts at an arrow
 * and ends at another shape that is not an arrow. One that starts at a box, or binds an arrow to itself or
 * to an arrow bound back, throws inside the store ("Maximum store update depth exceeded") — a classmate's
 * browser drops that whole update and falls out of step — or stops the board from opening at all. Each
 * record is valid alone, so the pair is checked over the board.
 */

interface BindingFields {
  type?: unknown;
  fromId?: unknown;
  toId?: unknown;
}

const isBinding = (value: unknown): value is BindingFields => typeNameOf(value) === 'binding';

const shapeTypeOf = (value: unknown): unknown =>
  typeNameOf(value) === 'shape' ? (value as { type?: unknown }).type : undefined;

/**
 * Why a binding cannot stand on the board, given the shapes as the board would hold them; null if it can.
 * A shape that is not there is let be: tldraw ignores a binding to nothing.
 */
export function bindingRefusal(
  key: string,
  binding: unknown,
  shapeOf: (id: string) => unknown,
): string | null {
  if (!isBinding(binding)) return null;
  const { type, fromId, toId } = binding;
  if (fromId === toId) return `${key}: binds a shape to itself`;
  if (type !== 'arrow' || typeof fromId !== 'string' || typeof toId !== 'string') return null;
  const from = shapeTypeOf(shapeOf(fromId));
  if (from !== undefined && from !== 'arrow') return `${key}: an arrow's binding starts at a ${String(from)}`;
  if (shapeTypeOf(shapeOf(toId)) === 'arrow') return `${key}: binds an arrow to an arrow`;
  return null;
}

/** The bindings on a board by the shapes they name, so a shape's change can be checked against them. */
export class BindingIndex {
  private readonly ends = new Map<string, readonly string[]>();
  private readonly byShape = new KeyedSets();

  /** The binding `key` now holds `value` (undefined: gone); any other record is ignored. */
  update(key: string, value: unknown): void {
    if (!key.startsWith('binding:')) return;
    for (const shape of this.ends.get(key) ?? []) this.byShape.delete(shape, key);
    this.ends.delete(key);
    if (!isBinding(value)) return;
    const ends = [value.fromId, value.toId].filter((id): id is string => typeof id === 'string');
    this.ends.set(key, ends);
    for (const shape of ends) this.byShape.add(shape, key);
  }

  bindingsOf(shapeId: string): ReadonlySet<string> {
    return this.byShape.get(shapeId);
  }
}
