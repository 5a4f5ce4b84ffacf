import { useId } from 'react';
import { Switch as RadixSwitch } from 'radix-ui';

export interface SwitchProps {
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  id?: string;
  className?: string;
}

/** An on/off setting that takes effect at once (a `role="switch"` button from Radix, with its label). */
export function Switch({ label, checked, onCheckedChange, disabled, id, className }: SwitchProps) {
  const fallbackId = useId();
  const switchId = id ?? fallbackId;
  return (
    <span className={['ui-switch-field', className].filter(Boolean).join(' ')}>
      <RadixSwitch.Root
        id={switchId}
        className="ui-switch"
        checked={checked}
        onCheckedChange={onCheckedChange}
        disabled={disabled}
      >
        <RadixSwitch.Thumb className="ui-switch__thumb" />
      </RadixSwitch.Root>
      <label htmlFor={switchId} data-disabled={disabled || undefined}>
        {label}
      </label>
    </span>
  );
}
