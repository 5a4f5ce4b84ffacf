// @vitest-environment happy-dom
import { act, useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanUp, render } from '../test/render.js';
import { QuestionAnswerBox } from './QuestionAnswerBox.js';
import { QuestionAnswerContext, SentAnswersContext, type SendAnswer } from './questionAnswerContext.js';

afterEach(cleanUp);

/** A send the test answers when it likes, as the server would; the page's map of sent answers kept as the page keeps it. */
function withServer() {
  let answer: ((error: string | null) => void) | null = null;
  const sends: string[] = [];
  function Page() {
    const [sent, setSent] = useState<ReadonlyMap<string, string>>(new Map());
    const send: SendAnswer = (questionId, text) =>
      new Promise((resolve) => {
        sends.push(text);
        answer = (error) => {
          if (error === null) setSent(new Map([[questionId, text]]));
          resolve(error);
        };
      });
    return (
      <QuestionAnswerContext.Provider value={send}>
        <SentAnswersContext.Provider value={sent}>
          <QuestionAnswerBox questionId="q1" />
        </SentAnswersContext.Provider>
      </QuestionAnswerContext.Provider>
    );
  }
  return { Page, sends, answer: (error: string | null) => act(async () => answer!(error)) };
}

/** Types into a React-controlled textarea as a person would (the value setter React listens behind). */
function typeInto(box: HTMLTextAreaElement, text: string) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
  act(() => {
    setValue.call(box, text);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const button = (host: HTMLElement, name: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent === name);

describe('the answer box on a question card, by keyboard', () => {
  it('keeps the focus on Send while it sends, then on “Answer again”, then in the box', async () => {
    const server = withServer();
    const host = await render(<server.Page />);
    const box = host.querySelector('textarea')!;
    typeInto(box, '5 for $3, each pen is 60 cents');

    const send = button(host, 'Send')!;
    send.focus();
    act(() => send.click());
    // a disabled button dropped the focus on the page's body, where the keyboard starts again from the top
    expect(document.activeElement).toBe(send);
    expect(send.getAttribute('aria-disabled')).toBe('true');

    await server.answer(null);
    expect(host.querySelector('[role="status"]')?.textContent).toBe(
      'Sent to your teacher: 5 for $3, each pen is 60 cents',
    );
    await vi.waitFor(() => expect(document.activeElement).toBe(button(host, 'Answer again')));

    act(() => button(host, 'Answer again')!.click());
    await vi.waitFor(() => expect(document.activeElement).toBe(host.querySelector('textarea')));
  });

  it('a second press while sending sends nothing more', async () => {
    const server = withServer();
    const host = await render(<server.Page />);
    typeInto(host.querySelector('textarea')!, 'a half');
    const send = button(host, 'Send')!;
    act(() => send.click());
    act(() => send.click());
    expect(server.sends).toEqual(['a half']);
    await server.answer('The question was closed.');
    expect(host.querySelector('[role="alert"]')?.textContent).toBe('The question was closed.');
    expect(send.getAttribute('aria-disabled')).not.toBe('true');
  });
});
