// `pnpm --silent tag [--cues] [--model model.json]`: JSONL in on stdin, one tag a line out, same order.
// Input line:  {"id": "1", "role": "student", "text": "...", "context": [{"role": "teacher", "text": "..."}]}
// Output line: {"id": "1", "move": "...", "confidence": 0.81, "questionType": null, "question": false,
//               "questionTypeConfidence": null, "questionTypeBest": null}  (+ "cues" with --cues)
// "next" (the contributions after this one, soonest first) is optional input, like "context". Roles are read
// whatever their case and surrounding spaces; a null "context" or "next" is none given.
// A line that cannot be read yields {"id": <id or null>, "error": "..."} and the rest go on.
// Blank (whitespace-only) lines are skipped: they carry no input, so they get no output line.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { TagInputSchema } from '../domain/tagging/labels.js';
import { loadTalkMovesModel, type TalkMovesModel } from '../domain/tagging/modelFile.js';
import { classifyQuestion } from '../domain/tagging/questionType.js';
import { tagContribution } from '../domain/tagging/tagger.js';
import { lazySchema } from '../lazySchema.js';

const DEFAULT_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/talkmoves.json');
/** Flush output in chunks: one write per line would dominate the time of a 50,000-line run. */
const FLUSH_BYTES = 64 * 1024;

const IdSchema = lazySchema(() => z.union([z.string(), z.number()]));
type Id = z.infer<typeof IdSchema> | null;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'line'}: ${i.message}`).join('; ');
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const roleAsMeant = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const itemsAsMeant = (value: unknown) =>
  value === null
    ? undefined
    : Array.isArray(value)
      ? value.map((item) => (isObject(item) ? { ...item, role: roleAsMeant(item.role) } : item))
      : value;

/**
 * Callers outside the project write a role as they please ("Teacher", " student") and null for "none
 * given": both are read as meant rather than refused. Anything else reaches the schema as it came.
 */
function asMeant(line: Record<string, unknown>): Record<string, unknown> {
  return {
    ...line,
    role: roleAsMeant(line.role),
    context: itemsAsMeant(line.context),
    next: itemsAsMeant(line.next),
  };
}

/** One input line to one output object; never throws. */
export function tagLine(
  model: TalkMovesModel,
  line: string,
  withCues: boolean,
  abstainBelow?: number,
): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (err) {
    return { id: null, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { id: null, error: 'expected a JSON object' };
  }
  const rawId = (parsed as { id?: unknown }).id;
  const idResult = IdSchema.safeParse(rawId);
  const id: Id = idResult.success ? idResult.data : null;
  if (rawId !== undefined && rawId !== null && !idResult.success) {
    return { id: null, error: 'id: must be a string or a number' };
  }
  const input = TagInputSchema.safeParse(asMeant(parsed as Record<string, unknown>));
  if (!input.success) return { id, error: describeIssues(input.error) };
  try {
    const tag = tagContribution(model, input.data, {
      cues: withCues,
      ...(abstainBelow === undefined ? {} : { abstainBelow }),
    });
    const round = (p: number) => Math.round(p * 1e4) / 1e4;
    // The most likely type even when it is withheld, for evaluations at other thresholds.
    const best = tag.question ? classifyQuestion(model, input.data) : null;
    const out: Record<string, unknown> = {
      id,
      move: tag.move,
      confidence: round(tag.confidence),
      questionType: tag.questionType,
      question: tag.question,
      questionTypeConfidence: tag.questionTypeConfidence === null ? null : round(tag.questionTypeConfidence),
      questionTypeBest: best?.best ?? null,
    };
    if (withCues) out.cues = tag.cues;
    return out;
  } catch (err) {
    return { id, error: err instanceof Error ? err.message : String(err) };
  }
}

function parseArgs(argv: readonly string[]): {
  modelPath: string;
  withCues: boolean;
  abstainBelow: number | undefined;
} {
  let modelPath = process.env.TALKMOVES_MODEL ?? DEFAULT_MODEL_PATH;
  let withCues = false;
  let abstainBelow: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--cues') withCues = true;
    else if (a === '--no-abstain') abstainBelow = 0;
    else if (a === '--model') modelPath = resolve(argv[++i] ?? '');
    else if (a !== '--')
      throw new Error(`unknown argument ${a} (usage: tag [--cues] [--no-abstain] [--model path])`);
  }
  return { modelPath, withCues, abstainBelow };
}

async function main(): Promise<void> {
  const { modelPath, withCues, abstainBelow } = parseArgs(process.argv.slice(2));
  const model = loadTalkMovesModel(JSON.parse(readFileSync(modelPath, 'utf8')));
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (!process.stdout.write(chunk)) await new Promise((done) => process.stdout.once('drain', done));
  };
  let first = true;
  for await (const raw of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    // A byte-order mark from a Windows editor would otherwise make the first line unreadable.
    const line = first ? raw.replace(/^\uFEFF/, '') : raw;
    first = false;
    if (line.trim() === '') continue;
    buffer += `${JSON.stringify(tagLine(model, line, withCues, abstainBelow))}\n`;
    if (buffer.length >= FLUSH_BYTES) await flush();
  }
  await flush();
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
