import { describe, expect, it } from 'vitest';
import { isQuestion } from './questionDetector.js';

// Hand-written cases of each way of asking without a question mark, and the other senses of the same words.
describe('isQuestion without a question mark', () => {
  it.each([
    ['a task or assessment command word', 'Sketch the graph of y = 2x + 1.'],
    ['a command word after "please" or "next"', 'Next, share your strategy with your partner.'],
    ['a command word after an address', 'Maya, summarize what Leo said.'],
    ['an auxiliary opening after a filler', 'so is that always true'],
    ['an auxiliary in a later sentence', 'I see your table. Does it work for 10'],
    ['an auxiliary typed without its apostrophe', 'isnt it the same as 3/4'],
    ['a wh-word typed without its apostrophe', 'hows that work for negatives'],
    ['a wondering', "I'm wondering if this works for odd numbers."],
    ['an invitation to the class', 'anyone else get 12'],
    ['a request to say more', 'Say more about what you mean.'],
    ['a prompt after an imperative', 'Look at the graph and explain what the slope tells you.'],
    ['help me understand', 'Help me understand your second step.'],
    ['think about', 'Think about what happens when the width doubles.'],
    ['a typed mention first', "@devon what's the formula for a trapezoid again"],
    ['a prompt after a quotation', 'You said "the function flips." Say more about that.'],
  ])('%s: %s', (_, text) => {
    expect(isQuestion(text)).toBe(true);
  });

  it.each([
    ['a statement', 'I divided both sides by 2.'],
    ['an auxiliary without a subject', 'Okay, have a seat.'],
    ['"sort of"', 'Sort of, yeah.'],
    ['"say" as "suppose"', "So say it's two to the seventh."],
    ['"guess what"', "Guess what, I'm going to let you choose."],
    ['"check it out"', 'Check it out.'],
    ['a command word alone', 'Measure.'],
    ['"first" before a narration', 'First what I did is I looked at the fives.'],
    ['"help me" for a chore', 'Help me clean the board.'],
    ['"point" as a number', 'Well, point six-eight.'],
  ])('not %s: %s', (_, text) => {
    expect(isQuestion(text)).toBe(false);
  });
});
