// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { UNTYPED_QUESTION_LABEL } from '@conjecture/shared';
import { QuestionTypeBadge } from './QuestionTypeBadge.js';
import { cleanUp, render } from '../test/render.js';

afterEach(cleanUp);

describe("a plan step's question type", () => {
  it('names a question the tagger left untyped as the evidence, the timeline and the tags do', async () => {
    const host = await render(<QuestionTypeBadge question="Why?" typed={{ question: 'Why?', type: null }} />);
    expect(UNTYPED_QUESTION_LABEL).toBe('Question, type not shown');
    expect(host.textContent).toBe(UNTYPED_QUESTION_LABEL);
  });
});
