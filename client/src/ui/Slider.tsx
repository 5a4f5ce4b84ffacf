import { Slider as RadixSlider } from 'radix-ui';

export interface SliderProps {
  /** What the value is, for assistive technology ("Replay position"). */
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  onValueChange: (value: number) => void;
  /** Read aloud instead of the bare number ("step 12 of 40, 10:32"). */
  valueText?: string;
  disabled?: boolean;
  className?: string;
}

/** One value along a range (a scrubber): Radix's slider, with arrow keys, Page Up/Down, Home and End. */
export function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  onValueChange,
  valueText,
  disabled,
  className,
}: SliderProps) {
  return (
    <RadixSlider.Root
      className={['ui-slider', className].filter(Boolean).join(' ')}
      value={[value]}
      min={min}
      max={max}
      step={step}
      disabled={disabled}
      onValueChange={([next]) => next !== undefined && onValueChange(next)}
    >
      <RadixSlider.Track className="ui-slider__track">
        <RadixSlider.Range className="ui-slider__range" />
      </RadixSlider.Track>
      <RadixSlider.Thumb className="ui-slider__thumb" aria-label={label} aria-valuetext={valueText} />
    </RadixSlider.Root>
  );
}
