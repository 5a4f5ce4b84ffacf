import { getIndices, type TLHandle } from 'tldraw';

/**
 * A shape's labelled points as tldraw vertex handles (so a mouse, a pen or a finger can drag them), placed
 * where `position` puts each one in the shape's space. Points off the visible range get no handle.
 */
export function pointHandles<P extends { id: string; label: string }>(
  visible: readonly P[],
  position: (point: P) => { x: number; y: number },
): TLHandle[] {
  const indices = getIndices(visible.length);
  return visible.map((point, i) => ({
    id: point.id,
    label: point.label,
    type: 'vertex',
    index: indices[i] ?? indices[0]!,
    ...position(point),
  }));
}
