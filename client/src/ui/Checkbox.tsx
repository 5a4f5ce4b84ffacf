import { useId } from 'react';
import { Checkbox as RadixCheckbox } from 'radix-ui';
import { CheckIcon } from './icons.js';

export interface CheckboxProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  className?: string;
}

/** A choice inside a form (applied with the form's button), from Radix's Checkbox with an SVG tick. */
export function Checkbox({ label, checked, onCheckedChange, disabled, className }: CheckboxProps) {
  const id = useId();
  return (
    <span className={['ui-checkbox-field', className].filter(Boolean).join(' ')}>
      <RadixCheckbox.Root
        id={id}
        className="ui-checkbox"
        checked={checked}
        onCheckedChange={(value) => onCheckedChange(value === true)}
        disabled={disabled}
      >
        <RadixCheckbox.Indicator className="ui-checkbox__indicator">
          <CheckIcon aria-hidden />
        </RadixCheckbox.Indicator>
      </RadixCheckbox.Root>
      <label htmlFor={id}>{label}</label>
    </span>
  );
}
