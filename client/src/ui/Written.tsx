/**
 * Text someone wrote — a critique, an answer, a note's words, a question, a task, a caption — wherever the
 * app shows it outside the board. A `<bdi>`: laid out in its own direction (from its first letter, so an
 * Arabic critique reads right to left), and isolated, so whatever it holds (a right-to-left word, or a
 * control from a board written before they were refused) cannot reorder the text around it — the name before
 * it, the next item of a list, the rest of a caption. Everything written by a person goes through here, not
 * through a style of its own.
 */
export function Written({ children, className }: { children: string; className?: string }) {
  return <bdi className={className}>{children}</bdi>;
}
