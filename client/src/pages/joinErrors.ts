import { asSentence } from '../api/asSentence.js';
import { JOIN_ATTEMPT_CONFLICT, JOIN_REFUSED, nameAttemptJoinedAs } from '@conjecture/shared';
import { ApiRequestError } from '../api/http.js';

/** What went wrong, under the field it is about, or for the whole form (closed, ended, no network). */
export interface JoinError {
  field: 'code' | 'name' | null;
  text: string;
  /**
   * The form's attempt already joined under this name (its answer was lost, then the name was edited): the
   * page offers to go on as that student, or to rename it to the new name.
   */
  joinedAs?: string;
  /** That student is in the class now (someone used its session): it keeps its name, so no rename is offered. */
  renameRefused?: true;
  /** The form's attempt is spent (its student was removed): the next join needs a new attempt. */
  attemptSpent?: true;
}

/**
 * Words for a refused join, saying what to do next: closed and ended are the contract's refusals
 * (`JOIN_REFUSED`), a name taken or kept for someone else is the server's message, its issues say what is
 * wrong with a name.
 */
export function joinErrorOf(error: unknown): JoinError {
  if (!(error instanceof ApiRequestError)) return { field: null, text: String(error) };
  switch (error.code) {
    case 'not_found':
      return { field: 'code', text: 'No class has this code. Check the code on the board.' };
    case 'network':
      // No answer, or another's in the server's place (a captive portal's login page: see jsonAnswerOf).
      return {
        field: null,
        text: "Can't reach Conjecture. Check the Wi-Fi — a school network may ask you to sign in first — and try again.",
      };
    case 'conflict': {
      const joinedAs = nameAttemptJoinedAs(error.message);
      if (joinedAs !== null && error.message.includes(JOIN_ATTEMPT_CONFLICT.inUse))
        return {
          field: 'name',
          text: `“${joinedAs}” is already in the class, so that name stays. Continue as “${joinedAs}”.`,
          joinedAs,
          renameRefused: true,
        };
      if (joinedAs !== null)
        return {
          field: 'name',
          text: `You already joined as “${joinedAs}” — the answer was lost on the way.`,
          joinedAs,
        };
      if (error.message.startsWith(JOIN_ATTEMPT_CONFLICT.removed))
        return {
          field: null,
          text: 'Your teacher removed you from this class. Press Join to join again.',
          attemptSpent: true,
        };
      return { field: 'name', text: asSentence(error.message) };
    }
    case 'bad_request': {
      // a name the schema refuses names its problem in the issues ("enter a name"), not in the message
      const issue = error.issues.find((i) => i.path.includes('displayName'));
      return { field: 'name', text: asSentence(issue?.message ?? error.message) };
    }
    case 'forbidden':
      if (error.message === JOIN_REFUSED.closed)
        return { field: null, text: 'Your teacher has closed joining. Ask them to open it again.' };
      if (error.message === JOIN_REFUSED.ended)
        return { field: null, text: 'This class has ended. Ask your teacher to reopen it.' };
      return { field: null, text: asSentence(error.message) };
    default:
      return { field: null, text: asSentence(error.message) };
  }
}
