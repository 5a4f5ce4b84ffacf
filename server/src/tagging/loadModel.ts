import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TalkMovesModel } from '@conjecture/shared';
import { loadTalkMovesModel } from '@conjecture/shared';
import type { Logger } from '../util/logger.js';

/** server/src/tagging and server/dist/tagging are both three levels below the repository root. */
export const DEFAULT_MODEL_PATH = fileURLToPath(
  new URL('../../../shared/models/talkmoves.json', import.meta.url),
);

/**
 * Loads the tagger's model from a file in the repository (no network, no download). A missing or broken
 * file turns live tagging off with a logged reason; the rest of the server runs as usual.
 */
const loaded = new Map<string, TalkMovesModel>();

export function loadTaggerModel(path: string | undefined, log: Logger): TalkMovesModel | null {
  const file = path ?? DEFAULT_MODEL_PATH;
  try {
    // A model is immutable once loaded: servers in one process (tests, benchmarks) share it.
    const model = loaded.get(file) ?? loadTalkMovesModel(JSON.parse(fs.readFileSync(file, 'utf8')));
    loaded.set(file, model);
    return model;
  } catch (err) {
    log.error('live tagging is off: the model could not be loaded', {
      file,
      error: (err as Error).message.slice(0, 300),
    });
    return null;
  }
}
