import { describe, expect, it } from 'vitest';
import { DEFAULT_ITEM_BANK } from './defaultBank.js';
import { profileFeatures } from './features.js';
import { itemsRevealing, parseItemBank, type ItemBank } from './itemBank.js';
import { scoreDiagnostic, type DiagnosticResponse } from './profile.js';
import { studentSummary, teacherMisconceptionNotes } from './summary.js';

const clone = (): ItemBank => JSON.parse(JSON.stringify(DEFAULT_ITEM_BANK)) as ItemBank;

describe('item bank', () => {
  it('the default bank is valid JSON data: 8 items, 1 correct + 3 distractors each, each misconception in ≥ 2 items', () => {
    const parsed = parseItemBank(clone());
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const bank = parsed.bank;
    expect(bank.items).toHaveLength(8);
    for (const item of bank.items) {
      expect(item.options.filter((o) => o.correct).length).toBe(1);
      expect(item.options.filter((o) => o.misconception).length).toBe(3);
    }
    expect(bank.misconceptions.length).toBeGreaterThanOrEqual(6);
    for (const [, items] of itemsRevealing(bank)) expect(items.length).toBeGreaterThanOrEqual(2);
    const skills = new Set(bank.items.flatMap((i) => i.skills));
    expect(skills).toEqual(new Set(['comparing-fractions', 'unit-rate', 'ratio-tables', 'percent']));
  });

  it('points each error at its item and field', () => {
    const bank = clone();
    (bank.items[3]!.options[2] as { misconception?: string }).misconception = 'x';
    bank.items[1]!.options[1]!.correct = true;
    delete (bank.items[1]!.options[1] as { misconception?: string }).misconception;
    bank.items[2]!.id = bank.items[0]!.id;
    bank.items[4]!.skills.push('geometry');
    const result = parseItemBank(bank);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContain('items[3].options[2].misconception: unknown misconception "x"');
    expect(result.errors).toContain('items[1].options: needs exactly one correct option, has 2');
    expect(result.errors).toContain('items[2].id: duplicate id "compare-three-quarters" (also items[0])');
    expect(result.errors).toContain('items[4].skills[1]: unknown skill "geometry"');
  });

  it('reports schema errors with paths, and misconceptions no item reaches', () => {
    const bank = clone() as unknown as { items: { stem: unknown }[]; misconceptions: unknown[] };
    bank.items[5]!.stem = 42;
    const schema = parseItemBank(bank);
    expect(schema.ok).toBe(false);
    if (!schema.ok) expect(schema.errors.some((e) => e.startsWith('items[5].stem: '))).toBe(true);
    const unreached = clone();
    unreached.misconceptions.push({ id: 'lonely', name: 'L', description: 'D', nextStep: 'N' });
    const result = parseItemBank(unreached);
    expect(result.ok ? [] : result.errors).toEqual([
      'misconceptions[7]: "lonely" is not reachable from any item\'s options',
    ]);
    expect(parseItemBank('not a bank').ok).toBe(false);
  });

  it('refuses two misconceptions with the same name, whatever their case and spacing', () => {
    // a teacher reads evidence by misconception name: two alike could not be told apart
    const bank = clone();
    bank.misconceptions[3]!.name = '  whole-number  THINKING about fractions ';
    const result = parseItemBank(bank);
    expect(result.ok ? [] : result.errors).toEqual([
      'misconceptions[3].name: duplicate name "\u2068whole-number  THINKING about fractions\u2069" (also misconceptions[0]); ' +
        'give each misconception its own name, or its evidence cannot be told apart',
    ]);
    bank.misconceptions[3]!.name = 'Whole-number thinking about fractions, again';
    expect(parseItemBank(bank).ok).toBe(true);
  });

  it('quotes a duplicate name in an isolate, so a right-to-left name cannot reorder the error', () => {
    // two right-to-left names alike, one with an override (the schema strips it before the check)
    const bank = clone();
    bank.misconceptions[0]!.name = 'חשיבה במספרים שלמים';
    bank.misconceptions[3]!.name = 'חשיבה \u202eבמספרים שלמים';
    const result = parseItemBank(bank);
    expect(result.ok ? [] : result.errors).toEqual([
      'misconceptions[3].name: duplicate name "\u2068חשיבה במספרים שלמים\u2069" (also misconceptions[0]); ' +
        'give each misconception its own name, or its evidence cannot be told apart',
    ]);
  });

  it('refuses an item listing a skill twice (it would count twice) or more than 5 skills', () => {
    const twice = clone();
    twice.items[7]!.skills.push('percent');
    const refused = parseItemBank(twice);
    expect(refused.ok ? [] : refused.errors).toEqual([
      'items[7].skills[2]: "percent" is listed twice (also skills[0])',
    ]);
    const many = clone();
    many.items[0]!.skills = ['comparing-fractions', 'unit-rate', 'ratio-tables', 'percent', 'a', 'b'];
    const result = parseItemBank(many);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.startsWith('items[0].skills: '))).toBe(true);
  });
});

const answer = (choices: Record<string, string>, confidence = 3): DiagnosticResponse[] =>
  Object.entries(choices).map(([itemId, optionId]) => ({ itemId, optionId, confidence }));

describe('profiles', () => {
  const bank = clone();
  const allCorrect = answer(Object.fromEntries(bank.items.map((i) => [i.id, 'a'])), 4);

  it('scores skills, misconception evidence and mean confidence', () => {
    const p = scoreDiagnostic(bank, [
      ...answer({ 'compare-three-quarters': 'b', 'quiz-scores': 'b', 'compare-pizza': 'a' }, 2),
      { itemId: 'juice-pack', optionId: 'a', confidence: 4 },
      { itemId: 'no-such-item', optionId: 'a', confidence: 4 },
    ]);
    expect(p.answered).toBe(4);
    expect(p.ignored).toBe(1);
    expect(p.skillScores['comparing-fractions']).toBeCloseTo(1 / 3);
    expect(p.skillScores['unit-rate']).toBe(1);
    expect(p.skillScores['ratio-tables']).toBeNull();
    expect(p.misconceptions['gap-thinking']).toEqual({
      chosen: 2,
      opportunities: 2,
      share: 1,
      items: ['compare-three-quarters', 'quiz-scores'],
    });
    expect(p.misconceptions['whole-number-bias']).toEqual({
      chosen: 0,
      opportunities: 3,
      share: 0,
      items: [],
    });
    expect(p.meanConfidence).toBe(2.5);
    expect(teacherMisconceptionNotes(bank, p)[0]).toMatchObject({
      id: 'gap-thinking',
      evidence: 'chosen on 2 of 2 items',
    });
  });

  it('writes an encouraging student summary that never names a misconception or shames', () => {
    const mixed = scoreDiagnostic(
      bank,
      answer({ 'compare-three-quarters': 'a', 'compare-pizza': 'a', 'juice-pack': 'b', 'recipe-table': 'b' }),
    );
    const texts = [
      studentSummary(bank, mixed),
      studentSummary(bank, scoreDiagnostic(bank, allCorrect)),
      studentSummary(
        bank,
        scoreDiagnostic(bank, answer(Object.fromEntries(bank.items.map((i) => [i.id, 'c'])), 1)),
      ),
      studentSummary(bank, scoreDiagnostic(bank, [])),
    ];
    expect(texts[0]).toMatch(/comparing fractions/);
    expect(texts[0]).toContain(bank.misconceptions.find((m) => m.id === 'additive-reasoning')!.nextStep);
    for (const text of texts) {
      expect(text.length).toBeLessThan(400);
      for (const m of bank.misconceptions) {
        expect(text).not.toContain(m.name);
        expect(text).not.toContain(m.description);
      }
      expect(text).not.toMatch(/\b(wrong|weak|poor|bad|fail\w*|struggl\w*|low|behind|misconception)\b/i);
    }
  });

  it('feature vectors are standardised across the class and weighted', () => {
    const profiles = [
      scoreDiagnostic(bank, allCorrect),
      scoreDiagnostic(bank, answer(Object.fromEntries(bank.items.map((i) => [i.id, 'b'])), 1)),
      scoreDiagnostic(bank, answer({ 'compare-three-quarters': 'a' }, 2)),
      null,
    ];
    const features = profileFeatures(bank, profiles, { 'skill:percent': 2, confidence: 0 });
    const dims = bank.skills.length + bank.misconceptions.length + 1;
    for (const f of features) expect(f).toHaveLength(dims);
    expect(features[3]!.every((v) => v === 0)).toBe(true);
    const unitRate = features.slice(0, 2).map((f) => f[1]!); // the third profile did not answer unit rate
    expect(unitRate[0]).toBeCloseTo(1);
    expect(unitRate[1]).toBeCloseTo(-1);
    const percent = features.slice(0, 2).map((f) => f[3]!);
    expect(percent[0]).toBeCloseTo(2);
    expect(features.every((f) => f[dims - 1] === 0)).toBe(true);
  });
});
