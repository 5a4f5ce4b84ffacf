import { createHash } from 'node:crypto';

/** The build's inline scripts (`<script>` without `src`): the early requests and the editor's preloads. */
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/** CSP source expressions for each inline script of the app shell, by the SHA-256 of its exact text. */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(INLINE_SCRIPT)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body!, 'utf8').digest('base64')}'`,
  );
}

/**
 * The app shell's Content-Security-Policy. Scripts run only from this server's files and the build's own
 * inline scripts (by hash, read from the shell the server sends): a student's text that slips into markup
 * — an `onerror=`, a `<script>`, a `javascript:` URL — does not run with the teacher's session, whatever the
 * page's code. No `'unsafe-eval'`: nothing the app loads (tldraw, KaTeX, MathLive) compiles code at run time.
 * Styles may be inline (tldraw and KaTeX position with style attributes; MathLive injects its sheets).
 * Pictures, sound, video, fonts and connections come from this server (or the page's own blob: and data:
 * URLs, which tldraw and MathLive make), and nothing is framed: whatever a board's record names, a
 * classmate's browser fetches nothing from elsewhere; and no other site frames it. The service worker is the build's own file.
 */
export function appShellCsp(html: string): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(html)].join(' '),
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self' data: blob:",
    "frame-src 'none'",
    // No site frames the app: one framing the dashboard could steer the teacher's clicks unseen.
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}
