import { describe, expect, it } from 'vitest';
import {
  bankFromDraft,
  draftFromBank,
  emptyDraft,
  isBlankDraft,
  slugOf,
  type BankDraft,
  type DraftItem,
} from './bankDraft.js';
import {
  addItem,
  addMisconception,
  addOption,
  addSkill,
  chooseCorrect,
  moveItem,
  removeItem,
  removeMisconception,
  removeOption,
  removeSkill,
  updateItem,
  updateMisconception,
  updateOption,
  updateSkill,
} from './bankDraftEdits.js';
import { draftProblems } from './bankDraftProblems.js';
import { DEFAULT_ITEM_BANK } from './defaultBank.js';
import { parseItemBank, type ItemBank } from './itemBank.js';

const misconception = (name: string) => ({
  name,
  description: `Thinks ${name.toLowerCase()}`,
  nextStep: `Try a picture for ${name.toLowerCase()}`,
});

/** A question on `skill` whose answer A is correct and whose wrong answers show misconceptions 0 and 1. */
const question = (stem: string, skill = 'Comparing fractions'): DraftItem => ({
  stem,
  skills: [skill],
  options: [
    { text: 'Right', correct: true, misconception: null },
    { text: 'Adds across', correct: false, misconception: 0 },
    { text: 'Bigger numbers', correct: false, misconception: 1 },
  ],
});

/** A draft with nothing to fix: 4 questions, 2 misconceptions. */
const goodDraft = (): BankDraft => ({
  title: 'Fractions check',
  misconceptions: [misconception('Adds across'), misconception('Whole-number bias')],
  items: [
    question('Which is greater, 3/4 or 5/6?'),
    question('Which is greater, 1/8 or 1/5?'),
    question('A 6-pack costs $4.20; what do 9 cost?', 'Unit rates'),
    question('2 flour : 3 milk; how much milk for 8 flour?', 'Ratio tables'),
  ],
});

const messages = (draft: BankDraft) => draftProblems(draft).map((p) => p.message);
/** Question `item` gets one more skill, named `name`. */
const withSkill = (draft: BankDraft, item: number, name: string): BankDraft =>
  updateSkill(addSkill(draft, item), item, draft.items[item]!.skills.length, name);
const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The form's rule on top of the parser's: 4–8 questions. */
const publishable = (draft: BankDraft) => {
  const parsed = parseItemBank(bankFromDraft(draft));
  return parsed.ok && draft.items.length >= 4 && draft.items.length <= 8;
};

describe('a diagnostic written in a form', () => {
  it('a draft with no problems builds a bank the parser accepts, ids made from the words', () => {
    const draft = goodDraft();
    expect(draftProblems(draft)).toEqual([]);
    const parsed = parseItemBank(bankFromDraft(draft));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const bank = parsed.bank;
    expect(bank.id).toBe('fractions-check');
    expect(bank.misconceptions.map((m) => m.id)).toEqual(['adds-across', 'whole-number-bias']);
    expect(bank.skills).toEqual([
      { id: 'comparing-fractions', name: 'Comparing fractions' },
      { id: 'unit-rates', name: 'Unit rates' },
      { id: 'ratio-tables', name: 'Ratio tables' },
    ]);
    expect(bank.items[0]).toMatchObject({
      id: 'which-is-greater-3-4-or-5-6',
      skills: ['comparing-fractions'],
      options: [
        { id: 'a', text: 'Right', correct: true },
        { id: 'b', text: 'Adds across', misconception: 'adds-across' },
        { id: 'c', text: 'Bigger numbers', misconception: 'whole-number-bias' },
      ],
    });
  });

  it('makes ids unique and valid whatever the words, and trims them', () => {
    const draft = goodDraft();
    draft.title = '  Élève : ¿qué? ';
    draft.misconceptions = [misconception('Adds across'), misconception('Adds  across!')];
    draft.items = draft.items.map((item) => ({ ...item, stem: '???' }));
    draft.items[1]!.skills = ['  comparing   FRACTIONS '];
    expect(messages(draft)).toEqual([]);
    const parsed = parseItemBank(bankFromDraft(draft));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.bank.id).toBe('eleve-que');
    expect(parsed.bank.title).toBe('Élève : ¿qué?');
    expect(parsed.bank.misconceptions.map((m) => m.id)).toEqual(['adds-across', 'adds-across-2']);
    expect(parsed.bank.items.map((i) => i.id)).toEqual([
      'question',
      'question-2',
      'question-3',
      'question-4',
    ]);
    // the same skill written another way is the same skill
    expect(parsed.bank.skills.map((s) => s.id)).toEqual([
      'comparing-fractions',
      'unit-rates',
      'ratio-tables',
    ]);
    expect(slugOf('x'.repeat(100), 'f').length).toBeLessThanOrEqual(48);
    expect(slugOf('--', 'fallback')).toBe('fallback');
  });

  it('round-trips our sample bank: same items, same correct answers, same misconceptions behind them', () => {
    const draft = draftFromBank(clone(DEFAULT_ITEM_BANK) as ItemBank);
    expect(draftProblems(draft)).toEqual([]);
    const parsed = parseItemBank(bankFromDraft(draft));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const bank = parsed.bank;
    expect(bank.items).toHaveLength(DEFAULT_ITEM_BANK.items.length);
    const correctText = (b: ItemBank) => b.items.map((i) => i.options.find((o) => o.correct)?.text);
    expect(correctText(bank)).toEqual(correctText(DEFAULT_ITEM_BANK));
    const named = (b: ItemBank) =>
      b.items.map((i) => i.options.map((o) => b.misconceptions.find((m) => m.id === o.misconception)?.name));
    expect(named(bank)).toEqual(named(DEFAULT_ITEM_BANK));
    // the math shown with a stem comes along
    expect(bank.items[0]!.stemLatex).toBe(DEFAULT_ITEM_BANK.items[0]!.stemLatex);
    // and the form reads back the same draft
    expect(draftFromBank(bank)).toEqual(draft);
  });

  it('shows a bank written as JSON whole in the form: its description, and every skill a question probes', () => {
    const written = clone(DEFAULT_ITEM_BANK) as ItemBank;
    written.skills.push({ id: 'estimating', name: 'Estimating' });
    written.items[0]!.skills.push('estimating');
    const draft = draftFromBank(written);
    expect(draft.description).toBe(DEFAULT_ITEM_BANK.description);
    expect(draft.items[0]!.skills).toEqual(['Comparing fractions', 'Estimating']);
    expect(draft.items[7]!.skills).toEqual(['Percent', 'Comparing fractions']);
    const parsed = parseItemBank(bankFromDraft(draft));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.bank.description).toBe(DEFAULT_ITEM_BANK.description);
    const skillNames = (b: ItemBank) =>
      b.items.map((i) => i.skills.map((id) => b.skills.find((s) => s.id === id)?.name));
    expect(skillNames(parsed.bank)).toEqual(skillNames(written));
    // a draft without a description (or only spaces) builds a bank without one
    expect(bankFromDraft(emptyDraft())).not.toHaveProperty('description');
    expect(bankFromDraft({ ...emptyDraft(), description: '  ' })).not.toHaveProperty('description');
  });

  it('keeps what the form wrote of skills and description through the bank and back', () => {
    let draft: BankDraft = {
      ...goodDraft(),
      description: '  Halves and quarters: 4 questions, 10 minutes. ',
    };
    draft = withSkill(draft, 0, 'Estimating');
    draft = withSkill(draft, 2, 'Ratio tables'); // also question 4's only skill: the same skill
    draft = withSkill(withSkill(draft, 3, 'Percent'), 3, 'Unit rates');
    draft = removeSkill(draft, 3, 0); // the first one goes; the others keep their order
    expect(draft.items.map((i) => i.skills)).toEqual([
      ['Comparing fractions', 'Estimating'],
      ['Comparing fractions'],
      ['Unit rates', 'Ratio tables'],
      ['Percent', 'Unit rates'],
    ]);
    expect(draftProblems(draft)).toEqual([]);
    const parsed = parseItemBank(bankFromDraft(draft));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(parsed.bank.description).toBe('Halves and quarters: 4 questions, 10 minutes.');
    expect(parsed.bank.items.map((i) => i.skills)).toEqual([
      ['comparing-fractions', 'estimating'],
      ['comparing-fractions'],
      ['unit-rates', 'ratio-tables'],
      ['percent', 'unit-rates'],
    ]);
    expect(draftFromBank(parsed.bank)).toEqual({
      ...draft,
      description: 'Halves and quarters: 4 questions, 10 minutes.',
    });
  });

  it('names a skill left empty, named twice in a question, or one too many, at the skill', () => {
    const draft = addSkill(withSkill(goodDraft(), 0, ' COMPARING   fractions'), 0);
    expect(draftProblems(draft)).toEqual([
      {
        place: { part: 'item', index: 0, skill: 1 },
        message: 'Question 1: skill 2 is the same as skill 1: remove it or name another',
      },
      { place: { part: 'item', index: 0, skill: 2 }, message: 'Question 1: name skill 3, or remove it' },
    ]);
    const six = ['Estimating', 'Percent', 'Unit rates', 'Ratio tables', 'Rounding'].reduce(
      (d, name) => withSkill(d, 1, name),
      goodDraft(),
    );
    expect(draftProblems(six)).toEqual([
      { place: { part: 'item', index: 1, skill: 5 }, message: 'Question 2 checks 6 skills: keep at most 5' },
    ]);
    // the only skill of a question, removed, is asked for again
    expect(messages(removeSkill(goodDraft(), 2, 0))).toEqual(['Question 3: name the skill it checks']);
  });

  it('says when the description is over the bank’s limit', () => {
    expect(draftProblems({ ...goodDraft(), description: 'x'.repeat(1001) })).toEqual([
      { place: { part: 'description' }, message: 'The description is longer than 1000 characters' },
    ]);
  });

  it('names each problem and where it is, in the words of the form', () => {
    const draft = goodDraft();
    draft.items = draft.items.slice(0, 3);
    draft.items[2] = chooseCorrect(draft, 2, 5).items[2]!; // no answer correct any more
    draft.items[1]!.options[1]!.misconception = null;
    draft.misconceptions.push(misconception('Gap thinking'));
    expect(messages(draft)).toEqual([
      'Misconception “\u2068Gap thinking\u2069” is not used by any answer',
      'A diagnostic has 4 to 8 questions; this one has 3',
      'Question 2, answer B: say which misconception it shows',
      'Question 3: choose the correct answer',
      'Question 3, answer A: say which misconception it shows',
    ]);
    expect(draftProblems(draft)[2]!.place).toEqual({ part: 'item', index: 1, option: 1 });
  });

  it('flags a misconception named like an earlier one, at the later one', () => {
    const draft = updateMisconception(goodDraft(), 1, { name: 'ADDS ACROSS ' });
    expect(draftProblems(draft)).toEqual([
      {
        place: { part: 'misconception', index: 1 },
        message:
          'Misconception “\u2068ADDS ACROSS\u2069” has the same name as misconception 1: give each its own name',
      },
    ]);
  });

  it('quotes a misconception’s name in an isolate, so a right-to-left name cannot reorder the message', () => {
    // pasted into the form with an override, which the bank's schema strips only on save
    const draft = goodDraft();
    draft.misconceptions.push(misconception('פער \u202egap thinking'));
    expect(messages(draft)).toEqual([
      'Misconception “\u2068פער gap thinking\u2069” is not used by any answer',
    ]);
  });

  it('an empty draft lists what to write first', () => {
    expect(messages(emptyDraft())).toEqual([
      'Give the diagnostic a title',
      'Misconception 1: give it a name',
      'Misconception 1: say what the student is likely thinking',
      'Misconception 1: write a next step for the student',
      'Misconception 1 is not used by any answer',
      'A diagnostic has 4 to 8 questions; this one has 1',
      'Question 1: write the question',
      'Question 1: name the skill it checks',
      'Question 1: choose the correct answer',
      'Question 1, answer A: write the answer',
      'Question 1, answer A: say which misconception it shows',
      'Question 1, answer B: write the answer',
      'Question 1, answer B: say which misconception it shows',
      'Question 1, answer C: write the answer',
      'Question 1, answer C: say which misconception it shows',
    ]);
  });

  it('has no problems exactly when the bank is publishable', () => {
    const allCorrect = (d: BankDraft): BankDraft => ({
      ...d,
      items: d.items.map((item) => ({
        ...item,
        options: item.options.map((o) => ({ ...o, correct: true })),
      })),
    });
    const broken: Array<(d: BankDraft) => BankDraft> = [
      (d) => ({ ...d, title: '   ' }),
      (d) => ({ ...d, title: 'x'.repeat(1001) }),
      (d) => removeItem(d, 0),
      (d) => [1, 2, 3, 4, 5].reduce((next) => addItem(next), d),
      (d) => addItem(d), // a fifth question, not written yet
      (d) => updateItem(d, 1, { stem: '' }),
      (d) => updateItem(d, 1, { skills: [' '] }),
      (d) => updateItem(d, 1, { stemLatex: 'y'.repeat(1001) }),
      (d) => updateOption(d, 0, 2, { text: '' }),
      (d) => updateOption(d, 0, 2, { misconception: 7 }),
      (d) => removeOption(removeOption(d, 0, 2), 0, 1),
      (d) => [1, 2, 3, 4].reduce((next) => addOption(next, 0), d),
      allCorrect,
      (d) => updateMisconception(d, 1, { nextStep: '' }),
      (d) => addMisconception(d),
      (d) => removeMisconception(d, 1),
      (d) => ({ ...d, misconceptions: [] }),
      (d) => updateMisconception(d, 1, { name: 'adds across' }), // a name already taken, in another case
      (d) => updateMisconception(d, 1, { name: ' Adds   across ' }),
      (d) => ({ ...d, description: 'z'.repeat(1001) }),
      (d) => withSkill(d, 0, 'comparing fractions'), // the same skill twice would count twice
      (d) => addSkill(d, 0), // a second skill, not named yet
      (d) => removeSkill(d, 0, 0),
      (d) => ['A', 'B', 'C', 'D', 'E'].reduce((next, name) => withSkill(next, 0, `Skill ${name}`), d),
    ];
    const fine: Array<(d: BankDraft) => BankDraft> = [
      (d) => d,
      (d) => updateOption(chooseCorrect(d, 0, 1), 0, 0, { misconception: 1 }),
      (d) => removeOption(d, 1, 2),
      (d) => ({ ...d, items: [...d.items, ...d.items] }), // 8 questions, the same stems twice
      (d) => updateItem(d, 0, { stemLatex: '\\dfrac{3}{4}' }),
      (d) => ({ ...d, description: ' ' }),
      (d) => ({ ...d, description: 'Fractions, 4 questions' }),
      (d) => ['A', 'B', 'C', 'D'].reduce((next, name) => withSkill(next, 0, `Skill ${name}`), d),
      (d) => removeSkill(withSkill(d, 0, 'Estimating'), 0, 0),
    ];
    for (const edit of [...broken, ...fine]) {
      const draft = edit(goodDraft());
      const problems = draftProblems(draft);
      expect(problems.length === 0, problems.map((p) => p.message).join('; ')).toBe(publishable(draft));
      expect(problems.length > 0).toBe(broken.includes(edit));
    }
  });
});

describe('editing a draft', () => {
  it('removing a misconception unlinks the answers that named it and renumbers the later ones', () => {
    const draft = addMisconception(goodDraft());
    const pointing = updateOption(draft, 0, 2, { misconception: 2 });
    const after = removeMisconception(pointing, 1);
    expect(after.misconceptions.map((m) => m.name)).toEqual(['Adds across', '']);
    expect(after.items[0]!.options.map((o) => o.misconception)).toEqual([null, 0, 1]);
    expect(after.items[1]!.options.map((o) => o.misconception)).toEqual([null, 0, null]);
    expect(pointing.misconceptions).toHaveLength(3); // the old draft is untouched
  });

  it('moves a question up and down, and not past either end', () => {
    const draft = goodDraft();
    const stems = (d: BankDraft) => d.items.map((i) => i.stem.slice(0, 20));
    expect(stems(moveItem(draft, 1, -1))).toEqual([
      stems(draft)[1],
      stems(draft)[0],
      stems(draft)[2],
      stems(draft)[3],
    ]);
    expect(moveItem(draft, 0, -1)).toBe(draft);
    expect(moveItem(draft, 3, 1)).toBe(draft);
  });

  it('one correct answer per question; choosing another keeps what was written for it', () => {
    const draft = chooseCorrect(goodDraft(), 0, 1);
    expect(draft.items[0]!.options.map((o) => o.correct)).toEqual([false, true, false]);
    expect(draft.items[0]!.options[1]!.misconception).toBe(0);
    expect(messages(draft)).toEqual(['Question 1, answer A: say which misconception it shows']);
  });

  it('a draft is blank until something is written in it', () => {
    expect(isBlankDraft(emptyDraft())).toBe(true);
    expect(isBlankDraft(addItem(addMisconception(emptyDraft())))).toBe(true);
    expect(isBlankDraft(updateSkill(emptyDraft(), 0, 0, 'Percent'))).toBe(false);
    expect(isBlankDraft(chooseCorrect(emptyDraft(), 0, 0))).toBe(false);
    expect(isBlankDraft({ ...emptyDraft(), description: 'Fractions' })).toBe(false);
    expect(isBlankDraft(addSkill(emptyDraft(), 0))).toBe(true);
  });
});
