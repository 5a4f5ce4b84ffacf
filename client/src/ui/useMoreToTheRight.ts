import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * Whether a sideways-scrolling element has content past its right edge (scrolled short of its end), measured
 * again as it scrolls, as it or its content changes size: a table that runs on shows that it does.
 */
export function useMoreToTheRight(element: RefObject<HTMLElement | null>): boolean {
  const [more, setMore] = useState(false);
  useLayoutEffect(() => {
    const box = element.current;
    if (!box) return;
    // 1 px of slack: zoomed layouts round scrollLeft and widths to fractions of a pixel
    const measure = () => setMore(box.scrollLeft + box.clientWidth < box.scrollWidth - 1);
    measure();
    box.addEventListener('scroll', measure, { passive: true });
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(box);
    // the content too: a column added (a new anticipation) widens it while the box keeps its size
    for (const child of box.children) observer?.observe(child);
    return () => {
      box.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [element]);
  return more;
}
