import type { ReactNode } from 'react';

/** A run of the text to mark (`text.slice(start, end)`), in order and not overlapping. */
interface Mark {
  start: number;
  end: number;
}

/**
 * Text someone wrote — a critique, an answer, a note's words, a question, a task, a caption — wherever the
 * app shows it outside the board. A `<bdi>`: laid out in its own direction (from its first letter, so an
 * Arabic critique reads right to left), and isolated, so whatever it holds (a right-to-left word, or a
 * control from a board written before they were refused) cannot reorder the text around it — the name before
 * it, the next item of a list, the rest of a caption. Everything written by a person goes through here, not
 * through a style of its own. `marks` highlight runs of it (the words that led to a tag) inside the one
 * isolate, so a marked word keeps its place in the sentence.
 */
export function Written({
  children,
  className,
  marks = [],
}: {
  children: string;
  className?: string;
  marks?: readonly Mark[];
}) {
  if (marks.length === 0) return <bdi className={className}>{children}</bdi>;
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of marks) {
    parts.push(children.slice(at, m.start), <mark key={m.start}>{children.slice(m.start, m.end)}</mark>);
    at = m.end;
  }
  parts.push(children.slice(at));
  return <bdi className={className}>{parts}</bdi>;
}
