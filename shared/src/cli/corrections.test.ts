import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { toExamples } from '../domain/tagging/dataset.js';
import { classificationReport } from '../domain/tagging/metrics.js';
import { correctionQuestions, readCorrections } from './corrections.js';
import { gateVerdict, type FrozenFigures } from './frozen.js';

// The layout GET /api/classes/:classId/tags/corrections.jsonl writes (TaggingService.exportCorrections).
const exportRows = [
  {
    transcript_id: 'conjecture:c1:b1',
    turn: 0,
    sent_idx: 0,
    speaker_role: 'student',
    text: 'It is 3/4.',
    label: 'making_a_claim',
    question_type: null,
    corrected: false,
  },
  {
    transcript_id: 'conjecture:c1:b1',
    turn: 1,
    sent_idx: 1,
    speaker_role: 'student',
    text: 'How do you know it is 3/4?',
    label: 'relating_to_another_student',
    question_type: 'encouraging_reflection_and_justification',
    corrected: true,
  },
  {
    transcript_id: 'conjecture:c1:b1',
    turn: 2,
    sent_idx: 2,
    speaker_role: 'student',
    text: 'What is 3/4 of 8?',
    label: 'asking_for_more_info',
    question_type: 'gathering_information',
    corrected: false,
  },
];

const written: string[] = [];
afterAll(() => written.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function writeExport(rows: readonly object[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'corrections-'));
  written.push(dir);
  const path = join(dir, 'corrections.jsonl');
  writeFileSync(path, rows.map((r) => JSON.stringify(r)).join('\n'));
  return path;
}

describe('a corrections export as training data', () => {
  it('labels only what the teacher corrected, and keeps the rest as context', async () => {
    const rows = await readCorrections(writeExport(exportRows));
    const examples = toExamples(rows);
    expect(examples.map((e) => e.labelled)).toEqual([false, true, false]);
    expect(examples[1]!.context).toEqual([{ role: 'student', text: 'It is 3/4.' }]);
    expect(examples[1]!.next).toEqual([{ role: 'student', text: 'What is 3/4 of 8?' }]);
    expect(correctionQuestions(rows)).toEqual([
      {
        source: 'corrections:conjecture:c1:b1',
        role: 'student',
        text: 'How do you know it is 3/4?',
        context: [{ role: 'student', text: 'It is 3/4.' }],
        questionType: 'encouraging_reflection_and_justification',
      },
    ]);
  });

  it('refuses a file that is not a corrections export', async () => {
    const plain = exportRows.map(({ corrected: _c, question_type: _q, ...row }) => row);
    await expect(readCorrections(writeExport(plain))).rejects.toThrow(/corrections export/);
  });
});

describe('gateVerdict', () => {
  const figures = (teacher: number, student: number, questions: number): FrozenFigures => {
    const m = (f1: number) => ({ ...classificationReport(['a'], [], []), macroF1: f1 });
    return {
      moves: { teacher: m(teacher), student: m(student) },
      movesWithNext: { teacher: m(teacher), student: m(student) },
      questions: { all: m(questions), covered: m(questions), coverage: 1 },
    };
  };

  it('accepts a retrained model that is no worse anywhere, and prints both figures', () => {
    const v = gateVerdict(figures(0.75, 0.67, 0.8), figures(0.75, 0.68, 0.8));
    expect(v.accept).toBe(true);
    expect(v.lines.join('\n')).toContain('0.6700   0.6800');
  });

  it('refuses one that is worse on any frozen figure, and says which', () => {
    const v = gateVerdict(figures(0.75, 0.67, 0.8), figures(0.76, 0.68, 0.79));
    expect(v.accept).toBe(false);
    expect(v.lines.find((l) => l.includes('question types'))).toMatch(/worse$/);
  });
});
