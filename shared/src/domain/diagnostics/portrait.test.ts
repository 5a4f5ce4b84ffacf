import { describe, expect, it } from 'vitest';
import { DEFAULT_ITEM_BANK } from './defaultBank.js';
import type { ItemBank } from './itemBank.js';
import { confidenceWords, portrait } from './portrait.js';
import { scoreDiagnostic, type DiagnosticProfile } from './profile.js';
import { explainGroups } from '../grouping/explain.js';

const bank = DEFAULT_ITEM_BANK as ItemBank;

/** Answers every item: the option revealing `misconception` where the item has one, else a correct one. */
function answering(misconception: string | null, confidence = 3) {
  return bank.items.map((item) => {
    const revealing = item.options.find((o) => o.misconception === misconception);
    const correct = item.options.find((o) => o.correct === true) ?? item.options[0]!;
    return { itemId: item.id, optionId: (revealing ?? correct).id, confidence };
  });
}

describe('a student’s portrait for the teacher', () => {
  it('names each misconception with the items that evidence it, every skill, and confidence in words', () => {
    const profile = scoreDiagnostic(bank, answering('additive-reasoning', 2));
    const p = portrait(bank, profile);
    const additive = p.misconceptions.find((m) => m.id === 'additive-reasoning')!;
    expect(additive.chosen).toBeGreaterThan(0);
    expect(additive.items).toHaveLength(additive.chosen);
    for (const label of additive.items) expect(label).toMatch(/^Item \d+$/);
    expect(p.skills.map((s) => s.id)).toEqual(bank.skills.map((s) => s.id));
    expect(p.confidenceLabel).toBe('unsure');
    expect(p.line).toContain('Additive instead of multiplicative reasoning');
    expect(p.line).toContain(additive.items[0]);
  });

  it('reads a profile stored before evidence named its items', () => {
    const profile = scoreDiagnostic(bank, answering('additive-reasoning'));
    const old = JSON.parse(JSON.stringify(profile)) as DiagnosticProfile;
    for (const e of Object.values(old.misconceptions)) delete (e as Partial<typeof e>).items;
    expect(portrait(bank, old).misconceptions[0]?.items).toEqual([]);
  });

  it('says how sure a student was in words', () => {
    expect([4, 3, 2.2, 1, null].map(confidenceWords)).toEqual([
      'sure',
      'fairly sure',
      'unsure',
      'mostly guessing',
      'no answers yet',
    ]);
  });
});

describe('grouping explanations name misconceptions as well as strengths', () => {
  // The issue's case: additive answers on 5 of 8 items, percent a little better than the groupmates'.
  const additive: DiagnosticProfile = {
    skillScores: { 'comparing-fractions': 0.5, 'unit-rate': 0.25, 'ratio-tables': 0, percent: 0.5 },
    misconceptions: {
      'additive-reasoning': {
        chosen: 5,
        opportunities: 8,
        share: 5 / 8,
        items: ['recipe-table', 'juice-pack', 'compare-pizza', 'pencil-deal', 'fixed-amount'].filter((id) =>
          bank.items.some((i) => i.id === id),
        ),
      },
    },
    meanConfidence: 3,
    answered: 8,
    ignored: 0,
  };
  const weaker: DiagnosticProfile = {
    ...additive,
    skillScores: { 'comparing-fractions': 0.5, 'unit-rate': 0.5, 'ratio-tables': 0.5, percent: 0 },
    misconceptions: {},
  };

  it('reads a student who chose additive answers on 5 of 8 items as such, with no strength they do not have', () => {
    const text = explainGroups({
      bank,
      mode: 'mix',
      groups: [['ada', 'ben']],
      profiles: new Map([
        ['ada', additive],
        ['ben', weaker],
      ]),
    });
    expect(text.students.ada).toContain(
      'Chose “\u2068Additive instead of multiplicative reasoning\u2069” answers on 5 of 8 items',
    );
    expect(text.students.ada).not.toContain('Brings strength in \u2068percent\u2069');
    expect(text.groups[0]).toContain(
      'watch for “\u2068Additive instead of multiplicative reasoning\u2069” (1 student)',
    );
  });

  it('still names a real strength', () => {
    const strong = { ...weaker, skillScores: { ...weaker.skillScores, percent: 1 } };
    const text = explainGroups({
      bank,
      mode: 'mix',
      groups: [['ada', 'cy']],
      profiles: new Map([
        ['ada', additive],
        ['cy', strong],
      ]),
    });
    expect(text.students.cy).toContain('Brings strength in \u2068percent\u2069 (100%)');
  });

  it('quotes a teacher’s skill name in an isolate in every sentence that names it', () => {
    // a right-to-left skill name, with an override from before the schema stripped them
    const named = {
      ...bank,
      skills: bank.skills.map((s) => (s.id === 'percent' ? { ...s, name: 'אחוזים \u202e100' } : s)),
    };
    const skill = '\u2068אחוזים 100\u2069';
    const strong = { ...weaker, skillScores: { ...weaker.skillScores, percent: 1 } };
    const profiles = new Map([
      ['ada', weaker],
      ['cy', strong],
    ]);
    const text = (mode: 'mix' | 'similar', group = ['ada', 'cy']) =>
      explainGroups({ bank: named, mode, groups: [group], profiles });
    expect(text('mix').students.cy).toContain(`Brings strength in ${skill} (100%)`);
    expect(text('mix').students.ada).toContain(`Groupmates are stronger in ${skill}:`);
    expect(text('mix', ['cy']).groups[0]).toContain(`strengths in ${skill}`);
    expect(text('similar', ['ada']).groups[0]).toContain(`a shared next focus: ${skill} (group average 0%)`);
  });

  it('quotes a teacher’s misconception name in an isolate in every sentence that names it', () => {
    // a right-to-left name, with an override from before the schema stripped them
    const named = {
      ...bank,
      misconceptions: bank.misconceptions.map((m) =>
        m.id === 'additive-reasoning' ? { ...m, name: 'חיבור \u202eבמקום כפל' } : m,
      ),
    };
    const name = '\u2068חיבור במקום כפל\u2069';
    const text = (mode: 'mix' | 'misconception') =>
      explainGroups({
        bank: named,
        mode,
        groups: [['ada', 'ben']],
        profiles: new Map([
          ['ada', additive],
          ['ben', additive],
        ]),
      });
    expect(text('mix').students.ada).toContain(`Chose “${name}” answers on 5 of 8 items`);
    expect(text('mix').groups[0]).toContain(`watch for “${name}” (2 students)`);
    expect(text('misconception').groups[0]).toContain(`Around "${name}" (2 of 2)`);
    expect(text('misconception').students.ada).toContain(`Shares a focus on "${name}" with 1 groupmate`);
  });
});
