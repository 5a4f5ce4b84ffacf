import { createContext } from 'react';

/**
 * How a question card sends an answer: provided by the student's page (over its class socket), absent for
 * everyone else (teacher, projector, boards outside a class), who see the card without an answer box.
 * Resolves to the server's error message, or null when the answer was stored.
 */
export type SendAnswer = (questionId: string, text: string) => Promise<string | null>;

export const QuestionAnswerContext = createContext<SendAnswer | null>(null);
