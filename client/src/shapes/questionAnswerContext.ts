import { createContext } from 'react';

/**
 * How a question card sends an answer: provided by the student's page (over its class socket), absent for
 * everyone else (teacher, projector, boards outside a class), who see the card without an answer box.
 * Resolves to the server's error message, or null when the answer was stored.
 */
export type SendAnswer = (questionId: string, text: string) => Promise<string | null>;

export const QuestionAnswerContext = createContext<SendAnswer | null>(null);

/**
 * The answers this student sent in this visit, by question id: the card keeps showing the sent answer (not an
 * empty box) and the notice says it was sent. Empty for everyone but a student.
 */
export const SentAnswersContext = createContext<ReadonlyMap<string, string>>(new Map());
