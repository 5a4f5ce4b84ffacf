/**
 * A file name from a title — letters, digits and dashes, at most 60 characters — that any school laptop's
 * file system accepts; `fallback` when nothing of the title is left.
 */
export const fileStem = (title: string, fallback = 'board') =>
  title
    .normalize('NFKD')
    .replace(/[^\w-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60) || fallback;
