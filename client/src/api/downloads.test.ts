import { describe, expect, it } from 'vitest';
import { shardOf } from '@conjecture/shared';
import { downloadUrl, fileStem } from './downloads.js';

describe('downloads', () => {
  it('build their URL from the shared routes table, parameters encoded, with the class’s shard', () => {
    const shard = `shard=${shardOf('c1')}`;
    expect(downloadUrl('evidenceZip', { classId: 'c1' })).toBe(`/api/classes/c1/evidence.zip?${shard}`);
    expect(downloadUrl('exportCsv', { classId: 'c1', csvTable: 'answers' })).toBe(
      `/api/classes/c1/exports/answers?${shard}`,
    );
    expect(downloadUrl('exportBoardsPdf', { classId: 'c1' }, { groupId: 'g 1' })).toBe(
      `/api/classes/c1/boards.pdf?groupId=g+1&${shard}`,
    );
    expect(() => downloadUrl('exportBoardFile', {})).toThrow(/boardId/);
  });

  it('name files after a title in plain letters', () => {
    expect(fileStem('Pen deals — Group 1')).toBe('Pen-deals-Group-1');
    expect(fileStem('½ ≤ π')).toBe('1-2');
    expect(fileStem('???')).toBe('board');
  });
});
