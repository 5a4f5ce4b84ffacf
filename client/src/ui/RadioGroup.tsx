import { useId, type ReactNode } from 'react';
import { RadioGroup as RadixRadioGroup } from 'radix-ui';

export interface RadioGroupProps<V extends string> {
  /** What is being chosen: names the group for assistive technology and shows above it. */
  label: ReactNode;
  options: ReadonlyArray<{ value: V; label: ReactNode }>;
  value: V | null;
  onValueChange: (value: V) => void;
  disabled?: boolean;
  /**
   * `segments` (the default): a few short words side by side, the chosen one filled. `list`: longer answers
   * (a diagnostic item's options, which may carry mathematics) stacked as full-width rows with a radio mark.
   */
  variant?: 'segments' | 'list';
}

/** One choice among several (Radix RadioGroup: arrow keys move between the choices, Tab leaves the group). */
export function RadioGroup<V extends string>({
  label,
  options,
  value,
  onValueChange,
  disabled,
  variant = 'segments',
}: RadioGroupProps<V>) {
  const labelId = useId();
  const list = variant === 'list';
  return (
    <div className="ui-field">
      <div id={labelId} className="ui-label">
        {label}
      </div>
      <RadixRadioGroup.Root
        className={list ? 'ui-choice-list' : 'ui-radio-group'}
        aria-labelledby={labelId}
        value={value ?? ''}
        onValueChange={(v) => onValueChange(v as V)}
        disabled={disabled}
        orientation={list ? 'vertical' : 'horizontal'}
      >
        {options.map((o) => (
          <RadixRadioGroup.Item key={o.value} value={o.value} className={list ? 'ui-choice' : 'ui-radio'}>
            {list ? (
              <>
                <span className="ui-choice__mark" aria-hidden />
                <span>{o.label}</span>
              </>
            ) : (
              o.label
            )}
          </RadixRadioGroup.Item>
        ))}
      </RadixRadioGroup.Root>
    </div>
  );
}
