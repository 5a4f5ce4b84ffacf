import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AnswerQuestionSchema,
  CreateClassBodySchema,
  DisplayNameSchema,
  PoseQuestionBodySchema,
  UpdateClassBodySchema,
} from './classroom.js';
import { clientEventSchemas } from './events.js';
import { ReflectionInputSchema } from './reflections.js';
import { CreateBoardBodySchema } from './rest.js';
import { TakeSnapshotBodySchema } from './snapshots.js';
import { AnticipationInputSchema } from '../domain/anticipation/schema.js';
import { PlanInputSchema } from '../domain/discussion/schema.js';
import { SkillSchema, MisconceptionSchema, OptionSchema } from '../domain/diagnostics/itemBank.js';
import { isolated } from './readableText.js';

const RLO = '\u202e'; // RIGHT-TO-LEFT OVERRIDE: "I agree" + RLO + "tnemugra" reads "I agree argument" reversed
const EMBEDDINGS_AND_OVERRIDES = Array.from({ length: 5 }, (_, i) => String.fromCharCode(0x202a + i));
const ISOLATES = Array.from({ length: 4 }, (_, i) => String.fromCharCode(0x2066 + i));
const DIRECTION_CONTROLS = [...EMBEDDINGS_AND_OVERRIDES, ...ISOLATES];
const [LRI, RLI, , PDI] = ISOLATES as [string, string, string, string];
const critique = (text: string) =>
  clientEventSchemas.postCritique.safeParse({
    boardId: 'b'.repeat(16),
    shapeId: 'shape:x',
    stance: 'agree',
    text,
  });

// Display names refused text-direction controls; answers, critiques and reflections — read by the teacher,
// classmates and the projector — took them: a critique with U+202E read reversed on every screen.
describe('free text a student writes for others to read', () => {
  it('loses every embedding, override, unmatched isolate and invisible control character, and keeps what was written', () => {
    for (const control of DIRECTION_CONTROLS) {
      const parsed = critique(`I agree ${control}because 2/3 > 3/5`);
      expect(parsed.success && parsed.data.text).toBe('I agree because 2/3 > 3/5');
    }
    const answer = AnswerQuestionSchema.parse({ questionId: 'q1', text: `x\u0000y\u0007${RLO}z\u009b` });
    expect(answer.text).toBe('xyz');
    const reflection = ReflectionInputSchema.parse({ worked: `${RLO}drawing it`, change: `a${PDI}b${RLI}` });
    expect(reflection).toMatchObject({ worked: 'drawing it', change: 'ab' });
    // An isolate left open at the end of a line turns the rest of that line: it does not reach the next.
    expect(critique(`${RLI}one\n${RLI}two${PDI}`).data?.text).toBe(`one\n${RLI}two${PDI}`);
  });

  it('keeps matched isolates: a right-to-left writer keeps an equation reading left to right with them', () => {
    const text = `ثمن القلم ${LRI}2/3 = 0.67${PDI} دولار`;
    expect(critique(text).data?.text).toBe(text);
    expect(critique(`${RLI}a${LRI}b${PDI}${PDI}`).data?.text).toBe(`${RLI}a${LRI}b${PDI}${PDI}`);
  });

  it('keeps what honest writing uses: line breaks, tabs, right-to-left letters and marks, joiners', () => {
    const text = 'سعر القلم\u200f 0.67\nשלוש\tעטים\u200e — 👩\u200d🏫 می\u200cخواهم';
    expect(AnswerQuestionSchema.parse({ questionId: 'q1', text }).text).toBe(text);
  });

  it('a text of nothing but controls is empty, and refused as such', () => {
    expect(critique(`${RLO}\u2066 `).error?.issues[0]?.message).toBe('write something');
    expect(AnswerQuestionSchema.safeParse({ questionId: 'q1', text: RLO }).error?.issues[0]?.message).toBe(
      'write an answer',
    );
  });

  it('names still refuse them, by the same rule', () => {
    for (const control of DIRECTION_CONTROLS)
      expect(DisplayNameSchema.safeParse(`Ana${control}`).error?.issues[0]?.message).toBe(
        'a name cannot contain text-direction controls',
      );
  });
});

/** Each free-text field a teacher writes, as a schema of the contract and a body holding `text` there. */
const TEACHER_FIELDS: Array<[string, z.ZodType, (text: string) => unknown, (parsed: never) => unknown]> = [
  ['class title', CreateClassBodySchema, (title) => ({ title }), (b: { title: string }) => b.title],
  [
    'task at creation',
    CreateClassBodySchema,
    (taskPrompt) => ({ title: 'T', taskPrompt }),
    (b: { taskPrompt: string }) => b.taskPrompt,
  ],
  [
    'task rewritten',
    UpdateClassBodySchema,
    (taskPrompt) => ({ taskPrompt }),
    (b: { taskPrompt: string }) => b.taskPrompt,
  ],
  ['question posed', PoseQuestionBodySchema, (text) => ({ text }), (b: { text: string }) => b.text],
  [
    'snapshot caption',
    TakeSnapshotBodySchema,
    (title) => ({ groupId: 'g'.repeat(8), title }),
    (b: { title: string }) => b.title,
  ],
  ['board title', CreateBoardBodySchema, (title) => ({ title }), (b: { title: string }) => b.title],
  [
    'anticipated strategy',
    AnticipationInputSchema,
    (text) => ({ title: text, description: text, kind: 'strategy', lookFors: [{ kind: 'phrase', text }] }),
    (b: { title: string; description: string; lookFors: Array<{ text: string }> }) => [
      b.title,
      b.description,
      b.lookFors[0]?.text,
    ],
  ],
  [
    'discussion plan',
    PlanInputSchema,
    (text) => ({
      steps: [{ stepId: 's1', snapshotId: 'n'.repeat(8), rationale: { choice: null, text }, question: text }],
      links: [
        {
          linkId: 'l1',
          kind: 'other',
          text,
          from: { snapshotId: 'n'.repeat(8), shapeId: 'shape:a' },
          to: { snapshotId: 'n'.repeat(8), shapeId: 'shape:b' },
        },
      ],
    }),
    (b: {
      steps: Array<{ rationale: { text: string }; question: string }>;
      links: Array<{ text: string }>;
    }) => [b.steps[0]?.rationale.text, b.steps[0]?.question, b.links[0]?.text],
  ],
  ['skill of a diagnostic', SkillSchema, (name) => ({ id: 'sk', name }), (b: { name: string }) => b.name],
  [
    'misconception of a diagnostic',
    MisconceptionSchema,
    (text) => ({ id: 'm', name: text, description: text, nextStep: text }),
    (b: { name: string; description: string; nextStep: string }) => [b.name, b.description, b.nextStep],
  ],
  [
    'option of a diagnostic',
    OptionSchema,
    (text) => ({ id: 'o', text, latex: text }),
    (b: { text: string; latex: string }) => [b.text, b.latex],
  ],
];

// The task, questions, captions, plans and anticipations a teacher writes reach the projector, every group's
// task card and the evidence PDF; they took the controls a student's text lost.
describe('free text a teacher writes goes by the same rule', () => {
  it.each(TEACHER_FIELDS)(
    '%s: embeddings and overrides stripped, matched isolates kept',
    (_, schema, body, read) => {
      for (const control of EMBEDDINGS_AND_OVERRIDES)
        expect([read(schema.parse(body(`2/3 ${control}> 3/5`)) as never)].flat()).toSatisfy(
          (texts: unknown[]) => texts.every((t) => t === '2/3 > 3/5'),
        );
      const honest = `שלוש ${LRI}3/5${PDI}`;
      expect([read(schema.parse(body(honest)) as never)].flat()).toSatisfy((texts: unknown[]) =>
        texts.every((t) => t === honest),
      );
    },
  );
});

// A sentence the app composes around someone's words ('table with "cost per pen"') is one string on screen:
// a right-to-left word or a leftover override inside the quotes reordered the sentence around it.
describe('isolated: words quoted inside a composed sentence', () => {
  const FSI = '\u2068';
  it('wraps the words in FSI … PDI, stripped of embeddings and overrides', () => {
    expect(isolated('cost per pen')).toBe(`${FSI}cost per pen${PDI}`);
    expect(isolated(`מחיר ${RLO}tnemugra 3/5`)).toBe(`${FSI}מחיר tnemugra 3/5${PDI}`);
  });

  it('closes an isolate a cut left open, drops a pop with nothing open, and keeps matched pairs', () => {
    expect(isolated(`שלוש ${RLI}3/5`)).toBe(`${FSI}שלוש ${RLI}3/5${PDI}${PDI}`);
    expect(isolated(`a${PDI}b ${LRI}1 + 2${PDI}`)).toBe(`${FSI}ab ${LRI}1 + 2${PDI}${PDI}`);
  });

  it('puts the words on one line, since a paragraph break would end the isolate', () => {
    expect(isolated(`one\r\ntwo\nthree\u2029four`)).toBe(`${FSI}one two three four${PDI}`);
  });
});
