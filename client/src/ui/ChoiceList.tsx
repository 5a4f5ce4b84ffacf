import { useId, type ReactNode } from 'react';
import { RadioGroup as RadixRadioGroup } from 'radix-ui';

export interface ChoiceListProps<V extends string> {
  /** What is being chosen: names the group for assistive technology and shows above it. */
  label: ReactNode;
  options: ReadonlyArray<{ value: V; content: ReactNode }>;
  value: V | null;
  onValueChange: (value: V) => void;
  disabled?: boolean;
}

/**
 * One answer among several longer ones (a diagnostic item's options, which may carry mathematics), stacked
 * as full-width rows with our own radio mark. RadioGroup's segments suit a few short words; these need room.
 * Radix RadioGroup: arrow keys move between the options, Tab leaves the list.
 */
export function ChoiceList<V extends string>({
  label,
  options,
  value,
  onValueChange,
  disabled,
}: ChoiceListProps<V>) {
  const labelId = useId();
  return (
    <div className="ui-field">
      <div id={labelId} className="ui-label">
        {label}
      </div>
      <RadixRadioGroup.Root
        className="ui-choice-list"
        aria-labelledby={labelId}
        value={value ?? ''}
        onValueChange={(v) => onValueChange(v as V)}
        disabled={disabled}
        orientation="vertical"
      >
        {options.map((o) => (
          <RadixRadioGroup.Item key={o.value} value={o.value} className="ui-choice">
            <span className="ui-choice__mark" aria-hidden />
            <span className="ui-choice__content">{o.content}</span>
          </RadixRadioGroup.Item>
        ))}
      </RadixRadioGroup.Root>
    </div>
  );
}
