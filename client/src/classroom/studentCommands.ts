import type { Answer, Result } from '@conjecture/shared';
import { emitWithAck, type ClassSocket } from './useClassSocket.js';

/**
 * A student's commands over their class socket, in one object: the pages call these and never emit. Each
 * answers the server's Result (a refusal carries its reason; no answer in time is an error too). Critique
 * commands have their own object beside the threads (`critique/critiqueCommands.ts`).
 */
export function studentCommands(socket: ClassSocket) {
  return {
    answerQuestion: (questionId: string, text: string): Promise<Result<Answer>> =>
      emitWithAck(socket, 'answerQuestion', { questionId, text }),
    raiseHand: (raised: boolean): Promise<Result<null>> => emitWithAck(socket, 'raiseHand', { raised }),
  };
}
export type StudentCommands = ReturnType<typeof studentCommands>;
