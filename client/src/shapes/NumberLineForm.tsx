import { useState } from 'react';
import { useEditor } from 'tldraw';
import { Select } from '../ui/Select.js';
import { Switch } from '../ui/Switch.js';
import {
  MAX_NUMBER_LINE_POINTS,
  NUMBER_LINE_TYPE,
  numberLineAxisValidator,
  numberLinePointValidator,
  type NumberLineAxis,
  type NumberLinePoint,
  type NumberLineProps,
  type NumberLineShape,
} from '@conjecture/shared/board/index';
import { nextItemId, nextPointLabel, snapToTick } from '@conjecture/shared/domain/math/index';
import {
  FormProblem,
  MathShapeForm,
  NumberField,
  PointsFieldset,
  validationProblem,
} from './MathShapeForm.js';

/** Range, tick spacing, labels and points of a number line; every valid change is stored at once. */
export function NumberLineForm({ shape }: { shape: NumberLineShape }) {
  const editor = useEditor();
  const { axis, points, snapToTicks } = shape.props;
  const [axisProblem, setAxisProblem] = useState<string | null>(null);

  const update = (props: Partial<NumberLineProps>) =>
    editor.updateShape<NumberLineShape>({ id: shape.id, type: NUMBER_LINE_TYPE, props });

  const changeAxis = (change: Partial<NumberLineAxis>): string | null => {
    const next = { ...axis, ...change };
    const problem = validationProblem(() => numberLineAxisValidator.validate(next));
    setAxisProblem(problem);
    if (problem) return 'see below';
    update({ axis: next });
    return null;
  };

  const changePoint = (id: string, change: Partial<NumberLinePoint>): string | null => {
    const point = points.find((p) => p.id === id);
    if (!point) return null;
    const next = { ...point, ...change };
    // A point off the line would not be drawn: say so rather than hide it.
    if (next.value < axis.min || next.value > axis.max)
      return `outside the line (${axis.min} to ${axis.max}): change the range first`;
    const problem = validationProblem(() => numberLinePointValidator.validate(next));
    if (problem) return problem;
    update({ points: points.map((p) => (p.id === id ? next : p)) });
    return null;
  };

  const addPoint = () => {
    const middle = (axis.min + axis.max) / 2;
    const value = snapToTicks ? snapToTick(middle, axis) : middle;
    update({
      points: [...points, { id: nextItemId(points, 'p'), value, label: nextPointLabel(points.length) }],
    });
  };

  return (
    <MathShapeForm label="Number line settings" top={shape.props.h + 8} width={Math.max(shape.props.w, 340)}>
      <fieldset>
        <legend>Range and ticks</legend>
        <NumberField label="From" value={axis.min} onCommit={(min) => changeAxis({ min })} />
        <NumberField label="to" value={axis.max} onCommit={(max) => changeAxis({ max })} />
        <NumberField
          label="Tick every"
          integer
          width={44}
          value={axis.tickNumerator}
          onCommit={(tickNumerator) => changeAxis({ tickNumerator })}
        />
        <NumberField
          label="/"
          integer
          width={44}
          value={axis.tickDenominator}
          onCommit={(tickDenominator) => changeAxis({ tickDenominator })}
        />
        <label className="math-shape-field">
          Labels
          <Select
            compact
            value={axis.tickLabels}
            onChange={(event) =>
              changeAxis({ tickLabels: event.currentTarget.value === 'decimal' ? 'decimal' : 'fraction' })
            }
          >
            <option value="fraction">fractions</option>
            <option value="decimal">decimals</option>
          </Select>
        </label>
        <Switch
          className="math-shape-field"
          label="Points snap to ticks"
          checked={snapToTicks}
          onCheckedChange={(checked) => update({ snapToTicks: checked })}
        />
        <FormProblem problem={axisProblem} />
      </fieldset>
      <PointsFieldset
        points={points}
        max={MAX_NUMBER_LINE_POINTS}
        onLabel={(id, label) => changePoint(id, { label })}
        onRemove={(id) => update({ points: points.filter((p) => p.id !== id) })}
        onAdd={addPoint}
        position={(point) => (
          <NumberField
            label="at"
            value={point.value}
            onCommit={(value) => changePoint(point.id, { value })}
          />
        )}
      />
    </MathShapeForm>
  );
}
