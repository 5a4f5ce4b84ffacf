/**
 * How many answers one student may send to one question. A student may change their mind and answer again,
 * so answers are kept, not replaced; but each is stored, tagged and streamed to the teacher's dashboard, and
 * a script within its event budget (the student's, however many sockets) would in time bury the class's
 * answers under its own.
 */
export const MAX_ANSWERS_PER_QUESTION = 10;

/** Why this answer is refused, given how many the student already sent to the question, or null. */
export function answerLimitRefusal(answeredBefore: number): string | null {
  return answeredBefore >= MAX_ANSWERS_PER_QUESTION
    ? `you have answered this question ${MAX_ANSWERS_PER_QUESTION} times: your teacher has your answers`
    : null;
}
