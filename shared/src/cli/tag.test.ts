import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const TAG_CLI = fileURLToPath(new URL('./tag.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** Runs the real CLI as a child process (through tsx, as `pnpm tag` does) and collects its output. */
function runTag(
  stdin: string,
  args: string[] = [],
): Promise<{ lines: Record<string, unknown>[]; code: number | null }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', TAG_CLI, ...args], { cwd: REPO_ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => {
      if (code !== 0) fail(new Error(`tag exited ${code}: ${err}`));
      done({
        lines: out
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l)),
        code,
      });
    });
    child.stdin.end(stdin);
  });
}

// A child process starts tsx and loads the model: seconds on a loaded machine, so the limit is generous
// (it bounds a hang, not a speed).
describe('pnpm tag (child process)', { timeout: 120_000 }, () => {
  it('answers each line in order, echoing ids as given, with errors in place', async () => {
    const input = [
      JSON.stringify({
        id: '1',
        role: 'student',
        text: 'I agree because both are 3/4',
        context: [{ role: 'student', text: 'It is 3/4.' }],
      }),
      'this is not json',
      '',
      JSON.stringify({ id: 2, role: 'teacher', text: 'Why do you think that?' }),
      JSON.stringify({ role: 'student', text: 'The answer is 12.' }),
      JSON.stringify({ id: 'x', role: 'principal', text: 'Hello' }),
      JSON.stringify({ id: 'y', role: 'student' }),
      '   ',
      JSON.stringify({ id: '0', role: 'teacher', text: 'What is three times four?', context: [] }),
    ].join('\n');
    const { lines } = await runTag(`${input}\n`);
    expect(lines).toHaveLength(7);
    expect(lines[0]).toEqual({
      id: '1',
      move: 'relating_to_another_student',
      confidence: expect.any(Number),
      questionType: null,
      question: false,
      questionTypeConfidence: null,
      questionTypeBest: null,
    });
    expect(lines[1]).toEqual({ id: null, error: expect.stringContaining('invalid JSON') });
    expect(lines[2]).toMatchObject({
      id: 2,
      move: 'pressing_for_reasoning',
      questionType: 'encouraging_reflection_and_justification',
      question: true,
      questionTypeConfidence: expect.any(Number),
    });
    expect(lines[3]).toMatchObject({ id: null, move: 'making_a_claim', questionType: null });
    expect(lines[4]).toEqual({ id: 'x', error: expect.stringContaining('role') });
    expect(lines[5]).toEqual({ id: 'y', error: expect.stringContaining('text') });
    expect(lines[6]).toMatchObject({
      id: '0',
      move: 'pressing_for_accuracy',
      questionType: 'gathering_information',
    });
    expect(lines[0]!.cues).toBeUndefined();
  });

  it('takes the next utterance as optional input, and types every question with --no-abstain', async () => {
    const claim = { role: 'student', text: 'It is 3/4.', context: [{ role: 'teacher', text: 'How much?' }] };
    const { lines } = await runTag(
      [
        JSON.stringify({ id: 1, ...claim }),
        JSON.stringify({ id: 2, ...claim, next: [{ role: 'teacher', text: 'Why?' }] }),
      ].join('\n'),
    );
    expect(lines.map((l) => typeof l.confidence)).toEqual(['number', 'number']);
    expect(lines[0]!.confidence).not.toBe(lines[1]!.confidence);
    const vague = JSON.stringify({ id: 3, role: 'teacher', text: 'Hmm?' });
    const forced = await runTag(vague, ['--no-abstain']);
    expect(forced.lines[0]).toMatchObject({
      question: true,
      questionType: forced.lines[0]!.questionTypeBest,
    });
    expect(forced.lines[0]!.questionType).not.toBeNull();
  });

  it('keeps order over many lines and prints cues only with --cues', async () => {
    const n = 2000;
    const input = Array.from({ length: n }, (_, i) =>
      JSON.stringify({ id: i, role: i % 2 ? 'teacher' : 'student', text: `Line ${i}: is it ${i}/4?` }),
    ).join('\n');
    const { lines } = await runTag(input, ['--cues']);
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(lines.every((l) => Array.isArray(l.cues) && typeof l.move === 'string')).toBe(true);
  });

  it('reads a role whatever its case or spaces, and a null context or next as none given', async () => {
    const context = [{ role: 'Student', text: 'It is 3/4.' }];
    const next = [{ role: ' STUDENT ', text: 'Because 3 of 4 parts.' }];
    const { lines } = await runTag(
      [
        JSON.stringify({
          id: 1,
          role: 'teacher',
          text: 'Why?',
          context: [{ role: 'student', text: 'It is 3/4.' }],
        }),
        JSON.stringify({ id: 2, role: 'Teacher', text: 'Why?', context }),
        JSON.stringify({ id: 3, role: 'teacher', text: 'Why?', context, next }),
        JSON.stringify({ id: 4, role: 'teacher', text: 'Why?', context: null, next: null }),
        JSON.stringify({ id: 5, role: 'teacher', text: 'Why?' }),
        JSON.stringify({ id: 6, role: 'pupil', text: 'Why?' }),
      ].join('\n'),
    );
    const { id: _1, ...asLowerCase } = lines[0]!;
    expect(lines[1]).toEqual({ id: 2, ...asLowerCase });
    expect(lines[2]).toMatchObject({ id: 3, move: expect.any(String) });
    const { id: _5, ...withoutContext } = lines[4]!;
    expect(lines[3]).toEqual({ id: 4, ...withoutContext });
    expect(lines[5]).toEqual({ id: 6, error: expect.stringContaining('role') });
  });

  it('accepts CRLF line ends and a leading byte-order mark', async () => {
    const line = (id: number) => JSON.stringify({ id, role: 'student', text: 'Okay.' });
    const { lines } = await runTag(`\uFEFF${line(1)}\r\n${line(2)}\r\n`);
    expect(lines.map((l) => [l.id, l.move])).toEqual([
      [1, 'none'],
      [2, 'none'],
    ]);
  });

  it('rejects non-object lines and ids that are neither string nor number', async () => {
    const { lines } = await runTag(
      ['[1, 2]', '"text"', JSON.stringify({ id: { a: 1 }, role: 'student', text: 'hi' })].join('\n'),
    );
    expect(lines).toEqual([
      { id: null, error: 'expected a JSON object' },
      { id: null, error: 'expected a JSON object' },
      { id: null, error: expect.stringContaining('id') },
    ]);
  });
});
