import type { Plugin } from 'vite';
import { insertScriptAfterCharset } from './htmlHead.js';
import {
  API_PREFIX,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  SHARD_COUNT,
  SHARD_PARAM,
} from '@conjecture/shared';
import { earlyRequestsScript, type EarlyRequestPlan } from './src/boot/earlyRequests.js';
import { STUDENT_TOKEN_KEY } from './src/classroom/storageKeys.js';

export const EARLY_REQUEST_PLAN: EarlyRequestPlan = {
  apiPrefix: API_PREFIX,
  shardParam: SHARD_PARAM,
  shardCount: SHARD_COUNT,
  joinCodeAlphabet: JOIN_CODE_ALPHABET,
  joinCodeLength: JOIN_CODE_LENGTH,
  studentTokenKey: STUDENT_TOKEN_KEY,
};

/**
 * Writes `boot/earlyRequests.ts` into the page's head as an inline script, right after the charset line and
 * before any stylesheet: the requests a board page waits for leave while the HTML is still being parsed.
 * The plan comes from the wire contract and the client's storage keys, so the script cannot drift from them
 * silently (its test compares it with the typed client).
 */
export function inlineEarlyRequests(): Plugin {
  const script = earlyRequestsScript(EARLY_REQUEST_PLAN);
  return {
    name: 'conjecture:inline-early-requests',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // A helper the bundler of this config would have wrapped the function's code in is not on the page.
        if (/\b__name\(|\b__publicField\(/.test(script))
          throw new Error('inlineEarlyRequests: the early-request script is not self-contained');
        return insertScriptAfterCharset(html, script, 'inlineEarlyRequests');
      },
    },
  };
}
