import type { Contribution, SpeakerRole } from '../labels.js';

export interface ClearCase {
  role: SpeakerRole;
  text: string;
  context: Contribution[];
  move: string;
}

const T = (text: string): Contribution => ({ role: 'teacher', text });
const S = (text: string): Contribution => ({ role: 'student', text });

/** Hand-written contributions whose move a teacher would not argue about; two or more per move. */
export const CLEAR_CASES: readonly ClearCase[] = [
  // teacher
  { role: 'teacher', text: 'Okay, open your notebooks to page 42.', context: [], move: 'none' },
  { role: 'teacher', text: 'Put your pencils down and look up here.', context: [], move: 'none' },
  {
    role: 'teacher',
    text: 'Does everybody understand what we are doing?',
    context: [],
    move: 'keeping_everyone_together',
  },
  {
    role: 'teacher',
    text: 'Can you say that again so everyone can hear?',
    context: [S('It is three fourths.')],
    move: 'keeping_everyone_together',
  },
  {
    role: 'teacher',
    text: 'Who agrees with Jamal?',
    context: [S('I think it is 3/4.')],
    move: 'getting_students_to_relate',
  },
  {
    role: 'teacher',
    text: 'Does anyone want to add on to what Sofia said?',
    context: [S('The line goes up by two each time.')],
    move: 'getting_students_to_relate',
  },
  { role: 'teacher', text: 'Six eighths.', context: [S('Six eighths.')], move: 'restating' },
  {
    role: 'teacher',
    text: 'Divide both sides by four.',
    context: [S('Divide both sides by four.')],
    move: 'restating',
  },
  {
    role: 'teacher',
    text: 'Twelve, so twelve meters of ribbon in all.',
    context: [S('Twelve.')],
    move: 'revoicing',
  },
  {
    role: 'teacher',
    text: 'So you multiplied both the numerator and the denominator by two.',
    context: [S('I multiplied both numbers by two.')],
    move: 'revoicing',
  },
  {
    role: 'teacher',
    text: "So you're saying that six eighths is another way of saying three fourths.",
    context: [S('Six eighths is the same as three fourths.')],
    move: 'revoicing',
  },
  { role: 'teacher', text: 'What is three times four?', context: [], move: 'pressing_for_accuracy' },
  { role: 'teacher', text: 'What did you get for number five?', context: [], move: 'pressing_for_accuracy' },
  {
    role: 'teacher',
    text: 'Why do you think that?',
    context: [S('It is bigger.')],
    move: 'pressing_for_reasoning',
  },
  {
    role: 'teacher',
    text: 'How do you know that three fourths is bigger than two thirds?',
    context: [S('Three fourths is bigger.')],
    move: 'pressing_for_reasoning',
  },
  // student
  { role: 'student', text: 'Okay.', context: [T('Take out your homework.')], move: 'none' },
  { role: 'student', text: 'Can I go to the bathroom?', context: [], move: 'none' },
  {
    role: 'student',
    text: 'The answer is 12.',
    context: [T('What is three times four?')],
    move: 'making_a_claim',
  },
  {
    role: 'student',
    text: 'I think it is three fourths.',
    context: [T('What fraction of the pizza is left?')],
    move: 'making_a_claim',
  },
  {
    role: 'student',
    text: 'Because if you multiply the top and the bottom by 2 you get the same fraction.',
    context: [T('Why are they equivalent?')],
    move: 'providing_evidence_reasoning',
  },
  {
    role: 'student',
    text: 'It has to be 8 because 2 times 4 is 8 and each group has 4.',
    context: [T('How did you get 8?')],
    move: 'providing_evidence_reasoning',
  },
  {
    role: 'student',
    text: 'I agree with Maya because both fractions equal 3/4.',
    context: [S('I think 6/8 and 3/4 are the same.')],
    move: 'relating_to_another_student',
  },
  {
    role: 'student',
    text: 'I disagree with Leo, I got a different answer.',
    context: [S('The slope is 3.')],
    move: 'relating_to_another_student',
  },
  {
    role: 'student',
    text: 'What do you mean by unit rate?',
    context: [T('Find the unit rate.')],
    move: 'asking_for_more_info',
  },
  {
    role: 'student',
    text: "I don't understand how you got the 5.",
    context: [T('So the answer is 5.')],
    move: 'asking_for_more_info',
  },
];
