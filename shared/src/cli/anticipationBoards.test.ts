import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TLRecord } from '@tldraw/tlschema';
import { createBoardSchema } from '../board/boardSchema.js';
import type { EvaluationBoard } from './anticipationBoards.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../anticipations');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
const schema = createBoardSchema();
const shapeType = schema.types.shape as { validate(record: unknown): TLRecord };

describe('the anticipation evaluation set', () => {
  it('has dev and held-out authors', () => {
    const splits = files.map(
      (f) => (JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { split: string }).split,
    );
    expect(splits.filter((s) => s === 'dev').length).toBeGreaterThanOrEqual(3);
    expect(splits.filter((s) => s === 'heldout').length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s holds only records the board schema accepts', (file) => {
    const { boards } = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as {
      boards: EvaluationBoard[];
    };
    expect(boards.length).toBeGreaterThan(5);
    for (const b of boards) for (const r of b.records) expect(() => shapeType.validate(r)).not.toThrow();
  });
});
