import { useId } from 'react';
import { RadioGroup as RadixRadioGroup } from 'radix-ui';

export interface RadioGroupProps<V extends string> {
  label: string;
  options: ReadonlyArray<{ value: V; label: string }>;
  value: V | null;
  onValueChange: (value: V) => void;
  disabled?: boolean;
}

/**
 * One choice among a few, shown side by side as segments (Radix RadioGroup: arrow keys move between the
 * choices, Tab leaves the group).
 */
export function RadioGroup<V extends string>({
  label,
  options,
  value,
  onValueChange,
  disabled,
}: RadioGroupProps<V>) {
  const labelId = useId();
  return (
    <div className="ui-field">
      <span id={labelId} className="ui-label">
        {label}
      </span>
      <RadixRadioGroup.Root
        className="ui-radio-group"
        aria-labelledby={labelId}
        value={value ?? ''}
        onValueChange={(v) => onValueChange(v as V)}
        disabled={disabled}
        orientation="horizontal"
      >
        {options.map((o) => (
          <RadixRadioGroup.Item key={o.value} value={o.value} className="ui-radio">
            {o.label}
          </RadixRadioGroup.Item>
        ))}
      </RadixRadioGroup.Root>
    </div>
  );
}
