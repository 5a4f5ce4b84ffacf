import { forwardRef, useId, type SelectHTMLAttributes } from 'react';
import { Label } from 'radix-ui';
import { ChevronDownIcon } from './icons.js';

export interface SelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  size?: never;
  compact?: boolean;
}

/**
 * A choice from a short list. Deliberately a styled native `<select>` rather than Radix's Select: on the
 * classroom's touch tablets the platform picker is the one students and teachers know, it needs no portal
 * over the canvas, and it keeps working with autofill and every assistive technology. It draws our own
 * border, chevron and focus ring, so nothing browser-default shows.
 */
export const Select = forwardRef<HTMLSelectElement, SelectProps>(function Select(
  { className, compact, ...props },
  ref,
) {
  return (
    <span className={['ui-select', className].filter(Boolean).join(' ')} data-compact={compact || undefined}>
      <select ref={ref} {...props} />
      <ChevronDownIcon aria-hidden className="ui-select__chevron" />
    </span>
  );
});

export interface SelectFieldProps extends SelectProps {
  label: string;
}

/** A labelled Select, laid out as TextField lays out its input. */
export function SelectField({ label, id, className, ...props }: SelectFieldProps) {
  const fallbackId = useId();
  const selectId = id ?? fallbackId;
  return (
    <div className={['ui-field', className].filter(Boolean).join(' ')}>
      <Label.Root htmlFor={selectId} className="ui-label">
        {label}
      </Label.Root>
      <Select id={selectId} {...props} />
    </div>
  );
}
