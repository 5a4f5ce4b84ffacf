import { useId, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Label } from 'radix-ui';

interface FieldFrame {
  label: string;
  /** Shown under the field and tied to it with aria-describedby. */
  hint?: string;
  /** Hide the label visually (it still names the field). */
  hideLabel?: boolean;
}

export type TextFieldProps = FieldFrame &
  (
    | ({ multiline?: false } & InputHTMLAttributes<HTMLInputElement>)
    | ({ multiline: true } & TextareaHTMLAttributes<HTMLTextAreaElement>)
  );

/** A labelled text input (or textarea with `multiline`). */
export function TextField(props: TextFieldProps) {
  const fallbackId = useId();
  const { label, hint, hideLabel, className, id = fallbackId, ...rest } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')}>
      <Label.Root htmlFor={id} className={hideLabel ? 'ui-visually-hidden' : 'ui-label'}>
        {label}
      </Label.Root>
      {rest.multiline ? (
        <textarea
          {...(({ multiline: _m, ...r }) => r)(rest)}
          id={id}
          aria-describedby={hintId}
          className="ui-input"
        />
      ) : (
        <input
          {...(({ multiline: _m, ...r }) => r)(rest)}
          id={id}
          aria-describedby={hintId}
          className="ui-input"
        />
      )}
      {hint && (
        <p id={hintId} className="ui-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
