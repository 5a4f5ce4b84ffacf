import { describe, expect, it } from 'vitest';
import { QUESTION_TYPES } from './labels.js';
import { decodeQuestionModel, scoreQuestionType } from './questionModel.js';
import {
  calibrationWeights,
  chooseAbstention,
  DEFAULT_QUESTION_OPTIONS,
  fitTemperature,
  foldOf,
  trainQuestionModel,
  type LabelledQuestion,
} from './questionTraining.js';

describe('foldOf', () => {
  it('keeps every source but TalkMoves in a fold of its own, and a lesson series in one fold', () => {
    expect(foldOf('authored:hs-teacher', 3)).toBe('authored:hs-teacher');
    expect(foldOf('talkmoves:maher', 3)).toBe(foldOf('talkmoves:maher', 3));
    expect(foldOf('talkmoves:maher', 3)).toMatch(/^talkmoves#[0-2]$/);
  });
});

describe('chooseAbstention', () => {
  it('finds the lowest confidence at which the typed share is right often enough', () => {
    const conf = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
    const correct = [true, true, true, false, true, false];
    // Prefixes: 1, 1, 1, .75, .8, .67 → at 0.8 target the cut is 0.5.
    expect(chooseAbstention(conf, correct, 0.8)).toBe(0.5);
    expect(chooseAbstention(conf, correct, 0.95)).toBe(0.7);
    // Everything already right often enough: never withhold.
    expect(chooseAbstention(conf, correct, 0.6)).toBe(0);
  });

  it('weighs each prediction by its weight', () => {
    // The wrong answer at 0.6 weighs 3: the prefix down to 0.5 is right 4 of 7 weighted times.
    expect(chooseAbstention([0.9, 0.6, 0.5], [true, false, true], 0.8, [3, 3, 1])).toBe(0.9);
    expect(chooseAbstention([0.9, 0.6, 0.5], [true, false, true], 0.8, [3, 0, 1])).toBe(0);
  });

  it('does not cut between equal confidences', () => {
    expect(chooseAbstention([0.9, 0.5, 0.5], [true, true, false], 0.9)).toBe(0.9);
  });
});

describe('calibrationWeights', () => {
  it('calibrates on others\u2019 words when there are any, and on everything otherwise', () => {
    const q = (source: string): LabelledQuestion => ({
      source,
      role: 'teacher',
      text: 'Why?',
      questionType: 'probing_thinking',
    });
    expect(calibrationWeights([q('talkmoves:maher'), q('authored:x'), q('corrections:t1')])).toEqual([
      1, 0, 1,
    ]);
    expect(calibrationWeights([q('authored:x'), q('checkset-v1')])).toEqual([1, 1]);
  });
});

describe('fitTemperature', () => {
  it('cools overconfident logits and leaves calibrated ones near 1', () => {
    const wrongHalf = Array.from({ length: 20 }, () => Float64Array.from([8, 0]));
    const gold = wrongHalf.map((_, i) => i % 2);
    expect(fitTemperature(wrongHalf, gold)).toBeGreaterThan(4);
  });
});

describe('trainQuestionModel', () => {
  const stems: Record<string, string[]> = {
    gathering_information: ['What is', 'How many', 'What did you get for'],
    probing_thinking: ['How did you find', 'Explain the steps you used for', 'What were you thinking about'],
    making_the_mathematics_visible: [
      'How is the table related to',
      'What does the graph show about',
      'Where do you see',
    ],
    encouraging_reflection_and_justification: ['How do you know', 'Does it always work for', 'Can you prove'],
  };
  const topics = ['the ratio', 'the slope', 'three fourths', 'the area', 'the pattern', 'x'];
  const questions: LabelledQuestion[] = [];
  for (const [type, list] of Object.entries(stems)) {
    list.forEach((stem, s) =>
      topics.forEach((topic) =>
        questions.push({
          source: `toy:${s}`,
          role: 'teacher',
          text: `${stem} ${topic}?`,
          questionType: type as LabelledQuestion['questionType'],
        }),
      ),
    );
  }

  it('learns stems across sources, stores out-of-fold figures and a threshold, and is deterministic', () => {
    const options = { ...DEFAULT_QUESTION_OPTIONS, epochs: 10 };
    const file = trainQuestionModel(questions, options);
    expect(trainQuestionModel(questions, options)).toEqual(file);
    expect(file.labels).toEqual([...QUESTION_TYPES]);
    expect(file.metrics.dev.rows).toBe(questions.length);
    expect(file.abstainBelow).toBeGreaterThanOrEqual(0);
    const model = decodeQuestionModel(file);
    expect(scoreQuestionType(model, { role: 'teacher', text: 'How do you know the area?' }).best).toBe(
      'encouraging_reflection_and_justification',
    );
    expect(scoreQuestionType(model, { role: 'teacher', text: 'How many are there?' }).best).toBe(
      'gathering_information',
    );
  });

  it('ships the bag of shuffle seeds it is asked for: another model than one seed, the same on every run', () => {
    const options = { ...DEFAULT_QUESTION_OPTIONS, epochs: 10 };
    const one = trainQuestionModel(questions, { ...options, bag: 1 });
    const bagged = trainQuestionModel(questions, { ...options, bag: 2 });
    expect(bagged.weights).not.toEqual(one.weights);
    expect(trainQuestionModel(questions, { ...options, bag: 2 })).toEqual(bagged);
    expect(bagged.training).toMatchObject({ bag: 2 });
  });

  it('adds offsets tuned out of fold to the bias and leaves the weights as they are', () => {
    const options = { ...DEFAULT_QUESTION_OPTIONS, epochs: 10, bag: 1 };
    const plain = trainQuestionModel(questions, options);
    const tuned = trainQuestionModel(questions, { ...options, offsets: 'all' });
    expect(tuned.weights).toEqual(plain.weights);
    expect(tuned.bias[0]).toBe(plain.bias[0]);
    expect(tuned.training).toMatchObject({ offsets: 'all' });
    // Without others' words, "others" tunes on every question, as the calibration weighs them.
    expect(trainQuestionModel(questions, { ...options, offsets: 'others' })).toEqual({
      ...tuned,
      training: { ...tuned.training, offsets: 'others' },
    });
  });
});
