import { useId, useRef, useState } from 'react';
import { SENTENCE_STARTERS, STANCE_LABELS, STANCES, type Stance } from '@conjecture/shared/board/index';
import { MAX_CRITIQUE_TEXT } from '@conjecture/shared/board/index';
import { Button } from '../ui/Button.js';

interface CritiqueComposerProps {
  /** What the form starts with (an edit starts from the reply). */
  initial?: { stance: Stance; text: string };
  submitLabel: string;
  /** Resolves to the server's refusal message, or null when done (the form then clears). */
  onSubmit: (stance: Stance, text: string) => Promise<string | null>;
  onCancel?: () => void;
  autoFocus?: boolean;
}

/** A stance, the sentence starters for that stance (a click puts one in the box), the text, and send. */
export function CritiqueComposer({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  autoFocus,
}: CritiqueComposerProps) {
  const [stance, setStance] = useState<Stance>(initial?.stance ?? 'question');
  const [text, setText] = useState(initial?.text ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);

  const submit = async () => {
    if (!text.trim() || busy) return;
    setBusy(true);
    const refusal = await onSubmit(stance, text.trim());
    setBusy(false);
    setError(refusal);
    if (!refusal && !initial) {
      setText('');
      // The emptied form disables Post, and a disabled button drops the focus on the page's body: keep a
      // keyboard user in the form (Escape, another reply) rather than lost.
      box.current?.focus();
    }
  };

  return (
    <form
      className="critique-composer stack"
      data-testid={initial ? 'critique-edit-form' : 'critique-composer'}
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      {/* Native radios drawn as our segments (components.css): inside tldraw's canvas, the browser's own arrow
          keys keep moving the choice, where a scripted radio group's keys would reach tldraw's shortcuts. */}
      <fieldset className="critique-stances ui-segments">
        <legend className="ui-label">Stance</legend>
        {STANCES.map((s) => (
          <label key={s} className="ui-segment" data-stance={s}>
            <input
              type="radio"
              name={`${id}-stance`}
              value={s}
              checked={stance === s}
              onChange={() => setStance(s)}
            />
            {STANCE_LABELS[s]}
          </label>
        ))}
      </fieldset>
      <div className="critique-starters" role="group" aria-label="Sentence starters">
        {SENTENCE_STARTERS[stance].map((starter) => (
          <button
            key={starter}
            type="button"
            className="critique-starter"
            data-focus-ring
            onClick={() => setText(starter)}
          >
            {starter}
          </button>
        ))}
      </div>
      <label htmlFor={`${id}-text`}>{initial ? 'Your reply' : 'Your critique'}</label>
      <textarea
        id={`${id}-text`}
        ref={box}
        value={text}
        maxLength={MAX_CRITIQUE_TEXT}
        rows={3}
        autoFocus={autoFocus}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Ctrl/⌘+Enter sends, as in most chat boxes; Enter alone makes a new line.
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void submit();
          }
        }}
      />
      {error && (
        <p role="alert" className="critique-error">
          {error}
        </p>
      )}
      <div className="critique-actions">
        <Button type="submit" variant="primary" size="sm" disabled={busy || !text.trim()}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
