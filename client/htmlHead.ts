/**
 * Where the build's inline scripts go in the page's head. A classic inline script runs as the HTML is
 * parsed, but only once every stylesheet above it has loaded, so both places are above the stylesheets.
 */

/** Right after the charset line (which must stay within the first 1,024 bytes): as early as it gets. */
export function insertScriptAfterCharset(html: string, script: string, by: string): string {
  const charset = /<meta charset="UTF-8" \/>\n/i.exec(html);
  if (!charset) throw new Error(`${by}: index.html has no <meta charset="UTF-8" /> line`);
  return insertAt(html, charset.index + charset[0].length, script);
}

/**
 * Before the first stylesheet, after the entry's script and its module preloads: what this script asks for
 * is requested after the first bundle, which it must not hold up.
 */
export function insertScriptBeforeStylesheets(html: string, script: string, by: string): string {
  const stylesheet = /^ *<link rel="stylesheet"/m.exec(html);
  if (!stylesheet) throw new Error(`${by}: index.html has no stylesheet link`);
  return insertAt(html, stylesheet.index, script);
}

const insertAt = (html: string, at: number, script: string) =>
  `${html.slice(0, at)}    <script>${script}</script>\n${html.slice(at)}`;
