import { useEffect, useId, useRef, useState } from 'react';
import { Label } from 'radix-ui';
import { Button } from './Button.js';
import { CopyIcon } from './icons.js';

interface CopyFieldProps {
  label: string;
  value: string;
  /** Shown under the field and tied to it with aria-describedby. */
  hint?: string;
  /** Hide the label visually (it still names the field and the button). */
  hideLabel?: boolean;
}

/**
 * A read-only link or code and a Copy button beside it. The clipboard API needs a secure context, which a
 * school server on a LAN address over http is not: there the text is selected and copied the old way, and
 * if even that is refused the teacher is told to press Ctrl+C on the selection.
 */
export function CopyField({ label, value, hint, hideLabel }: CopyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  useEffect(() => setStatus(''), [value]);

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard API here');
      await navigator.clipboard.writeText(value);
      setStatus('Copied');
    } catch {
      input.current?.select();
      // execCommand is deprecated, and the only copy outside a secure context
      setStatus(document.execCommand('copy') ? 'Copied' : 'Selected: press Ctrl+C to copy');
    }
  };

  return (
    <div className="ui-field ui-copy-field">
      <Label.Root htmlFor={id} className={hideLabel ? 'ui-visually-hidden' : 'ui-label'}>
        {label}
      </Label.Root>
      <div className="ui-copy-field__row">
        <input
          ref={input}
          id={id}
          className="ui-input"
          readOnly
          value={value}
          aria-describedby={hint ? `${id}-hint` : undefined}
          onFocus={(e) => e.target.select()}
        />
        <Button size="sm" onClick={() => void copy()}>
          <CopyIcon aria-hidden="true" />
          Copy<span className="ui-visually-hidden"> {label}</span>
        </Button>
      </div>
      {/* under the row, so the field keeps its width when it speaks; always there, so it is announced */}
      <p className="ui-hint" role="status">
        {status}
      </p>
      {hint && (
        <p id={`${id}-hint`} className="ui-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
