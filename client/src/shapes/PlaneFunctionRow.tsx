import { useId } from 'react';
import { PLOT_COLORS, type PlaneFunction } from '@conjecture/shared/board/index';
import { compileExpression, MAX_EXPRESSION_CHARS } from '@conjecture/shared/domain/math/index';
import { PLOT_COLOR_HEX } from './mathShapeStyle.js';
import { Button } from '../ui/Button.js';
import { Select } from '../ui/Select.js';

const SUBSCRIPT_DIGITS = '₀₁₂₃₄₅₆₇₈₉';

/** "y₂": the row's name, shown as its label and carried by each of its controls. */
const functionName = (number: number): string =>
  `y${[...String(number)].map((digit) => SUBSCRIPT_DIGITS[Number(digit)]).join('')}`;

/**
 * One y = f(x): the text is stored as typed; a parse error shows under it and the plane draws nothing for it.
 * The row is numbered (y₁, y₂…) and each control says which row it is in: with two functions, a screen
 * reader heard "Remove, Remove".
 */
export function PlaneFunctionRow({
  fn,
  number,
  onChange,
  onRemove,
}: {
  fn: PlaneFunction;
  /** 1-based position in the list. */
  number: number;
  onChange: (change: Partial<PlaneFunction>) => void;
  onRemove: () => void;
}) {
  const inputId = useId();
  const errorId = useId();
  const compiled = fn.text.trim() === '' ? null : compileExpression(fn.text);
  const error = compiled && !compiled.ok ? compiled.error : null;
  const name = functionName(number);
  return (
    <li>
      <label htmlFor={inputId}>{name} =</label>
      <input
        id={inputId}
        className="plane-function-text"
        value={fn.text}
        maxLength={MAX_EXPRESSION_CHARS}
        placeholder="2x + 1"
        spellCheck={false}
        autoComplete="off"
        style={{ width: 170, color: error ? undefined : PLOT_COLOR_HEX[fn.color] }}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => onChange({ text: event.currentTarget.value })}
      />
      <Select
        compact
        aria-label={`Colour of ${name}`}
        value={fn.color}
        onChange={(event) => {
          const color = PLOT_COLORS.find((c) => c === event.currentTarget.value);
          if (color) onChange({ color });
        }}
      >
        {PLOT_COLORS.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </Select>
      <Button size="sm" variant="ghost" aria-label={`Remove ${name}`} onClick={onRemove}>
        Remove
      </Button>
      {error && (
        <p id={errorId} className="math-shape-problem plane-function-error" role="alert">
          {error.message}
        </p>
      )}
    </li>
  );
}
