import './questionCard.css';
import { useContext, useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { QuestionAnswerContext, SentAnswersContext } from './questionAnswerContext.js';
import { Button } from '../ui/Button.js';

/** Keeps pointer, wheel and key events inside the box: typing or clicking here must not draw or pan. */
const keepInside = (event: SyntheticEvent) => event.stopPropagation();

/**
 * The answer box inside a question card: a textarea and a send button, the server's refusal shown. Once
 * sent, the card shows the answer as sent (the student sees what their teacher got), with a way to send
 * another. The focus follows each step (Send → "Answer again" → the box): a control that is disabled or
 * taken away drops it on the page's body, where Tab starts again from the top of the page.
 */
export function QuestionAnswerBox({ questionId }: { questionId: string }) {
  const send = useContext(QuestionAnswerContext);
  const sent = useContext(SentAnswersContext).get(questionId);
  const [text, setText] = useState('');
  const [rewriting, setRewriting] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const container = useRef<HTMLDivElement>(null);
  const answerAgain = useRef<HTMLButtonElement>(null);
  const answerBox = useRef<HTMLTextAreaElement>(null);
  const focusNext = useRef<'answer-again' | 'answer-box' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'answer-again' ? answerAgain.current : answerBox.current;
    if (focusNext.current === null || !target) return;
    target.focus();
    focusNext.current = null;
  });
  if (!send) return null;

  const onSend = async () => {
    if (state.busy) return;
    setState({ busy: true, error: null });
    const error = await send(questionId, text);
    setState({ busy: false, error });
    if (error === null) {
      // only when the student is still here: a click on the canvas meanwhile keeps the focus it took
      if (container.current?.contains(document.activeElement)) focusNext.current = 'answer-again';
      setText('');
      setRewriting(false);
    }
  };

  const events = {
    onPointerDown: keepInside,
    onPointerUp: keepInside,
    onPointerMove: keepInside,
    onWheel: keepInside,
    onKeyDown: keepInside,
    onKeyUp: keepInside,
    onDoubleClick: keepInside,
  };

  if (sent !== undefined && !rewriting)
    return (
      <div className="question-answer" ref={container} {...events}>
        {/* A status: a screen reader hears that the answer went, as others see it on the card. */}
        <p className="question-sent" data-testid="sent-answer" role="status">
          <span className="question-sent-label">Sent to your teacher:</span> {sent}
        </p>
        <Button
          ref={answerAgain}
          size="sm"
          onClick={() => {
            focusNext.current = 'answer-box';
            setRewriting(true);
          }}
        >
          Answer again
        </Button>
      </div>
    );

  return (
    <div className="question-answer" ref={container} {...events}>
      {/* no room on the card for a label above: the box says what it is for until it is written in */}
      <textarea
        ref={answerBox}
        aria-label="Your answer"
        placeholder="Type your answer to the question"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        rows={2}
      />
      <Button
        size="sm"
        variant="primary"
        disabled={text.trim() === ''}
        aria-disabled={state.busy}
        onClick={() => void onSend()}
      >
        Send
      </Button>
      {state.error && (
        <p role="alert" className="ui-form-error">
          {state.error}
        </p>
      )}
    </div>
  );
}
