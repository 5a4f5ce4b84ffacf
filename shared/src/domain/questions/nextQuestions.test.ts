import { describe, expect, it } from 'vitest';
import { nextQuestions, questionBalance, type GroupEvidence } from './nextQuestions.js';

const titles: Record<string, string> = { 'unit-price': 'Unit price', 'compares-totals': 'Compares totals' };
const titleOf = (id: string) => titles[id] ?? id;
const none = questionBalance([]);

const table = { shapeId: 'shape:table', text: 'table with 0.67, 0.60 and "per pen"' };
const note = { shapeId: 'shape:note', text: 'note with "B costs more"' };

const group = (over: Partial<GroupEvidence> = {}): GroupEvidence => ({
  matches: [
    { anticipationId: 'unit-price', kind: 'strategy', matched: true, verdict: null, evidence: [table] },
    { anticipationId: 'compares-totals', kind: 'misconception', matched: false, verdict: null, evidence: [] },
  ],
  notAnticipated: [],
  studentMoves: [],
  ...over,
});

describe('questionBalance', () => {
  it("counts the teacher's typed questions per NCTM type, untyped ones for none", () => {
    const balance = questionBalance([
      { groupId: null, questionType: 'gathering_information' },
      { groupId: 'g1', questionType: 'gathering_information' },
      { groupId: 'g1', questionType: 'probing_thinking' },
      { groupId: 'g2', questionType: null },
      { groupId: 'g2', questionType: 'not a type' },
    ]);
    expect(balance).toEqual({
      gathering_information: 2,
      probing_thinking: 1,
      making_the_mathematics_visible: 0,
      encouraging_reflection_and_justification: 0,
    });
  });
});

describe('nextQuestions', () => {
  it('proposes the under-used types, each anchored on the matched item', () => {
    const balance = {
      ...none,
      gathering_information: 3,
      probing_thinking: 2,
      making_the_mathematics_visible: 1,
    };
    const suggested = nextQuestions(group(), balance, titleOf);
    expect(suggested.map((s) => s.type)).toEqual([
      'encouraging_reflection_and_justification',
      'making_the_mathematics_visible',
      'probing_thinking',
    ]);
    expect(
      suggested.every((s) => s.anchorShapeId === 'shape:table' && s.anticipationId === 'unit-price'),
    ).toBe(true);
    expect(suggested[1]?.text).toBe('Where do you see the unit price in this table? What does it mean here?');
  });

  // The suggestion is posed as the teacher's own question: stored, shown on the students' card, tagged and
  // exported. Isolates belong to the sentences a display composes around it, not to the words themselves.
  it('names a teacher’s title as she would write it: no isolate stored, an old override still stripped', () => {
    // a title in a right-to-left language, with an override from before the schema stripped them
    const rtl = (id: string) => (id === 'unit-price' ? 'מחיר \u202eליחידה' : titleOf(id));
    const balance = { ...none, encouraging_reflection_and_justification: 3 };
    const suggested = nextQuestions(group(), balance, rtl);
    const visible = suggested.find((s) => s.type === 'making_the_mathematics_visible');
    expect(visible?.text).toBe('Where do you see the מחיר ליחידה in this table? What does it mean here?');
    expect(suggested.filter((s) => /[\u2066-\u2069]/.test(s.text))).toEqual([]);
  });

  it('never proposes the most used type, and never more than three', () => {
    const balance = { ...none, encouraging_reflection_and_justification: 5 };
    const suggested = nextQuestions(group(), balance, titleOf);
    expect(suggested).toHaveLength(3);
    expect(suggested.map((s) => s.type)).not.toContain('encouraging_reflection_and_justification');
  });

  it('asks about a misconception first, then the strategy, then work that matched none', () => {
    const suggested = nextQuestions(
      group({
        matches: [
          { anticipationId: 'unit-price', kind: 'strategy', matched: true, verdict: null, evidence: [table] },
          {
            anticipationId: 'compares-totals',
            kind: 'misconception',
            matched: true,
            verdict: null,
            evidence: [note],
          },
        ],
        notAnticipated: [{ shapeId: 'shape:line', text: 'number line with 3' }],
      }),
      none,
      titleOf,
    );
    expect(suggested.map((s) => s.anchorShapeId)).toEqual(['shape:note', 'shape:table', 'shape:line']);
    expect(suggested.map((s) => s.anticipationId)).toEqual(['compares-totals', 'unit-price', null]);
    expect(suggested[0]?.text).toContain('this note');
  });

  it("follows the teacher's verdicts: a rejected match is not asked about, a confirmed one is", () => {
    const rejected = group({
      matches: [
        {
          anticipationId: 'unit-price',
          kind: 'strategy',
          matched: true,
          verdict: 'rejected',
          evidence: [table],
        },
      ],
    });
    expect(nextQuestions(rejected, none, titleOf)).toEqual([]);
    const confirmed = group({
      matches: [
        {
          anticipationId: 'unit-price',
          kind: 'strategy',
          matched: false,
          verdict: 'confirmed',
          evidence: [table],
        },
      ],
    });
    expect(nextQuestions(confirmed, none, titleOf)).toHaveLength(3);
  });

  it('puts justification first when the board holds claims without reasoning', () => {
    const balance = { ...none, encouraging_reflection_and_justification: 4 };
    const claims = group({
      studentMoves: ['making_a_claim', 'making_a_claim', 'providing_evidence_reasoning'],
    });
    expect(nextQuestions(claims, balance, titleOf)[0]?.type).toBe('encouraging_reflection_and_justification');
    const reasoned = group({ studentMoves: ['making_a_claim', 'providing_evidence_reasoning'] });
    expect(nextQuestions(reasoned, balance, titleOf).map((s) => s.type)).not.toContain(
      'encouraging_reflection_and_justification',
    );
  });

  it('suggests nothing for a board with nothing to ask about', () => {
    expect(nextQuestions(group({ matches: [] }), none, titleOf)).toEqual([]);
  });
});
