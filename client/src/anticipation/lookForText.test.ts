import { describe, expect, it } from 'vitest';
import { AnticipationInputSchema, DEFAULT_ANTICIPATIONS } from '@conjecture/shared';
import { lookForsToText, textToLookFors } from './AnticipationEditor.js';

describe('look-fors as the teacher types them', () => {
  it('round-trips every default anticipation', () => {
    for (const { id: _id, ...a } of DEFAULT_ANTICIPATIONS) {
      const lookFors = textToLookFors(lookForsToText(a.lookFors));
      expect(AnticipationInputSchema.parse({ ...a, lookFors }).lookFors).toEqual(a.lookFors);
    }
  });
});
