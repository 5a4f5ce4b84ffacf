// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { BoardThumbnail, type ThumbnailRecord } from './boardThumbnail.js';
import { SvgPatcher } from './svgPatcher.js';
import { pinsMarkup, type RecordLookup } from './thumbnailPins.js';
import { cursorsMarkup } from './peerCursors.js';
import { codeIn, HOSTILE, hostileBoard } from '../test/hostileContent.js';

const lookup = (records: ThumbnailRecord[]): RecordLookup => {
  const byId = new Map(records.map((r) => [r.id, r]));
  return { get: (id) => byId.get(id), values: () => byId.values() };
};

describe("a student's strings in a board's drawing", () => {
  it('draw as text: the dashboard’s and projector’s SVG holds no script, handler, code URL or stray HTML, drawn and patched', () => {
    const host = document.createElement('div');
    const patcher = new SvgPatcher(host);
    const records = hostileBoard();
    const cursors = cursorsMarkup([{ clientId: 1, x: 0, y: 0, name: HOSTILE, color: '#123456' }], 1);
    patcher.render(new BoardThumbnail(records).parts(), pinsMarkup(lookup(records), 1) + cursors);
    expect(host.querySelectorAll('g[data-shape-id]').length).toBeGreaterThan(10);
    expect(codeIn(host)).toEqual([]);
    // Every shape moved: each is parsed again on its own, into the same SVG.
    patcher.render(new BoardThumbnail(hostileBoard(7)).parts(), cursors + pinsMarkup(lookup(records), 2));
    expect(codeIn(host)).toEqual([]);
    // The words are on the page, as words.
    expect(host.textContent).toContain(`<script>alert(2)</script>`);
  });
});
