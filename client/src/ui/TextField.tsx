import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Label } from 'radix-ui';

interface FieldFrame {
  label: string;
  /** Shown under the field and tied to it with aria-describedby. */
  hint?: string;
  /** Hide the label visually (it still names the field). */
  hideLabel?: boolean;
  /**
   * What is wrong with the value and what to do, shown under the field (announced), tied to it with
   * aria-describedby and marking it invalid.
   */
  error?: string | null;
}

export type TextFieldProps = FieldFrame &
  (
    | ({ multiline?: false } & InputHTMLAttributes<HTMLInputElement>)
    | ({ multiline: true } & TextareaHTMLAttributes<HTMLTextAreaElement>)
  );

/** A labelled text input (or textarea with `multiline`). */
export function TextField(props: TextFieldProps) {
  const fallbackId = useId();
  const { label, hint, hideLabel, error, className, id = fallbackId, ...rest } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')}>
      <Label.Root htmlFor={id} className={hideLabel ? 'ui-visually-hidden' : 'ui-label'}>
        {label}
      </Label.Root>
      {rest.multiline ? (
        <textarea
          {...(({ multiline: _m, ...r }) => r)(rest)}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="ui-input"
        />
      ) : (
        <input
          {...(({ multiline: _m, ...r }) => r)(rest)}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="ui-input"
        />
      )}
      {error && (
        <p id={errorId} className="ui-field__error" role="alert">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="ui-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
