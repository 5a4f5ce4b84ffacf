import { useContext, useState, type SyntheticEvent } from 'react';
import { QuestionAnswerContext } from './questionAnswerContext.js';

/** Keeps pointer, wheel and key events inside the box: typing or clicking here must not draw or pan. */
const keepInside = (event: SyntheticEvent) => event.stopPropagation();

/** The answer box inside a question card: a textarea and a send button, the server's refusal shown. */
export function QuestionAnswerBox({ questionId }: { questionId: string }) {
  const send = useContext(QuestionAnswerContext);
  const [text, setText] = useState('');
  const [state, setState] = useState<{ busy: boolean; error: string | null; sent: boolean }>({
    busy: false,
    error: null,
    sent: false,
  });
  if (!send) return null;

  const onSend = async () => {
    setState({ busy: true, error: null, sent: false });
    const error = await send(questionId, text);
    setState({ busy: false, error, sent: error === null });
    if (error === null) setText('');
  };

  return (
    <div
      className="question-answer"
      onPointerDown={keepInside}
      onPointerUp={keepInside}
      onPointerMove={keepInside}
      onWheel={keepInside}
      onKeyDown={keepInside}
      onKeyUp={keepInside}
      onDoubleClick={keepInside}
    >
      <textarea
        aria-label="Your answer"
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={2000}
        rows={2}
      />
      <button type="button" disabled={state.busy || text.trim() === ''} onClick={() => void onSend()}>
        Send
      </button>
      {state.error && <p role="alert">{state.error}</p>}
      {state.sent && <p role="status">Sent to your teacher.</p>}
    </div>
  );
}
