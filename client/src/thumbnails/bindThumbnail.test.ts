import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { YKeyValue } from 'y-utility/y-keyvalue';
import { bindThumbnail } from './bindThumbnail.js';
import type { ThumbnailRecord } from './boardThumbnail.js';

const rect = (id: string, x: number): ThumbnailRecord => ({
  id,
  typeName: 'shape',
  type: 'geo',
  parentId: 'page:page',
  index: 'a1',
  x,
  y: 0,
  props: { geo: 'rectangle', w: 10, h: 10 },
});

describe('bindThumbnail', () => {
  it('starts from the records present, follows changes, and reports once per scheduled frame', () => {
    const doc = new Y.Doc();
    const records = new YKeyValue<ThumbnailRecord>(doc.getArray('tldraw'));
    records.set('shape:a', rect('shape:a', 0));
    const frames: Array<() => void> = [];
    const reports: string[] = [];
    const { thumbnail, unbind } = bindThumbnail(
      records,
      (t) => reports.push(t.toSvg()),
      (run) => frames.push(run),
    );
    expect(thumbnail.toSvg()).toContain('shape:a');

    records.set('shape:b', rect('shape:b', 50));
    records.set('shape:a', rect('shape:a', 20));
    expect(frames).toHaveLength(1); // two changes, one frame
    frames.shift()!();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain('shape:b');
    expect(reports[0]).toContain('translate(20 0)');

    records.delete('shape:b');
    unbind();
    frames.forEach((run) => run());
    expect(reports).toHaveLength(1); // nothing reported after unbinding
  });
});
