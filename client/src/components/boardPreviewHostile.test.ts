// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { drawPreview } from './boardPreviewDrawing.js';
import type { BoardSession } from '../sync/boardSession.js';
import { codeIn, HOSTILE, hostileBoard } from '../test/hostileContent.js';

describe('the picture of the board shown before the editor', () => {
  it("draws a student's hostile strings as text: no script, handler, code URL or stray HTML in its shadow root", () => {
    const records = new YKeyValue<unknown>(new Y.Doc().getArray('records'));
    records.set('page:page', { id: 'page:page', typeName: 'page', name: HOSTILE, index: 'a1' });
    for (const record of hostileBoard(100)) records.set(record.id, record);
    const element = document.createElement('div');
    const attach = vi.spyOn(element, 'attachShadow');
    drawPreview(element, { board: { records } } as unknown as BoardSession);
    const root = attach.mock.results[0]!.value as ShadowRoot;
    expect(root.querySelectorAll('g[data-shape-id]').length).toBeGreaterThan(10);
    expect(codeIn(root.querySelector('svg')!)).toEqual([]); // the preview's own <style> sits beside it
    expect(root.textContent).toContain(
      HOSTILE.slice(HOSTILE.indexOf('<script>'), HOSTILE.indexOf('</script>')),
    );
  });
});
