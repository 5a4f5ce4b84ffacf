import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether a line-clamped element hides some of its text (its content is taller than its box), measured again
 * when its size or `text` changes: a "Show all" is offered only where something is hidden.
 */
export function useClamped(element: RefObject<HTMLElement | null>, text: string | undefined): boolean {
  const [clamped, setClamped] = useState(false);
  useLayoutEffect(() => {
    const box = element.current;
    if (!box) return;
    const measure = () => setClamped(box.scrollHeight > box.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [element, text]);
  return clamped;
}
