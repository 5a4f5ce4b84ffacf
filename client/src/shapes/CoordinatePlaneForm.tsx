import { useState } from 'react';
import { useEditor } from 'tldraw';
import {
  COORDINATE_PLANE_TYPE,
  coordinatePlaneProps,
  MAX_PLANE_FUNCTIONS,
  MAX_PLANE_POINTS,
  planeWindowValidator,
  PLOT_COLORS,
  type CoordinatePlaneProps,
  type CoordinatePlaneShape,
  type PlaneFunction,
  type PlanePoint,
  type PlaneWindow,
  type PlotColor,
} from '@conjecture/shared/board/index';
import { nextItemId, nextPointLabel } from '@conjecture/shared/domain/math/index';
import { PlaneFunctionRow } from './PlaneFunctionRow.js';
import {
  FormProblem,
  MathShapeForm,
  NumberField,
  PointsFieldset,
  validationProblem,
} from './MathShapeForm.js';
import { Button } from '../ui/Button.js';

/** Window, functions and points of a coordinate plane; every valid change is stored at once. */
export function CoordinatePlaneForm({ shape }: { shape: CoordinatePlaneShape }) {
  const editor = useEditor();
  const { window: win, functions, points } = shape.props;
  const [windowProblem, setWindowProblem] = useState<string | null>(null);

  const update = (props: Partial<CoordinatePlaneProps>) =>
    editor.updateShape<CoordinatePlaneShape>({ id: shape.id, type: COORDINATE_PLANE_TYPE, props });

  const changeWindow = (change: Partial<PlaneWindow>): string | null => {
    const next = { ...win, ...change };
    const problem = validationProblem(() => planeWindowValidator.validate(next));
    setWindowProblem(problem);
    if (problem) return 'see below';
    update({ window: next });
    return null;
  };

  const changeFunction = (id: string, change: Partial<PlaneFunction>) =>
    update({ functions: functions.map((f) => (f.id === id ? { ...f, ...change } : f)) });

  const addFunction = () => {
    const color: PlotColor = PLOT_COLORS.find((c) => !functions.some((f) => f.color === c)) ?? 'blue';
    update({ functions: [...functions, { id: nextItemId(functions, 'f'), text: '', color }] });
  };

  const changePoint = (id: string, change: Partial<PlanePoint>): string | null => {
    const moved = points.find((p) => p.id === id);
    if (moved) {
      // A point off the grid would not be drawn: say so rather than hide it.
      const { x, y } = { ...moved, ...change };
      if (x < win.xMin || x > win.xMax) return `x is outside the grid (${win.xMin} to ${win.xMax})`;
      if (y < win.yMin || y > win.yMax) return `y is outside the grid (${win.yMin} to ${win.yMax})`;
    }
    const next = points.map((p) => (p.id === id ? { ...p, ...change } : p));
    const problem = validationProblem(() => coordinatePlaneProps.points.validate(next));
    if (problem) return problem;
    update({ points: next });
    return null;
  };

  const addPoint = () =>
    update({
      points: [...points, { id: nextItemId(points, 'p'), x: 0, y: 0, label: nextPointLabel(points.length) }],
    });

  return (
    <MathShapeForm
      label="Coordinate plane settings"
      top={shape.props.h + 8}
      width={Math.max(shape.props.w, 360)}
    >
      <fieldset>
        <legend>Functions</legend>
        <ul className="math-shape-items">
          {functions.map((fn, index) => (
            <PlaneFunctionRow
              key={fn.id}
              fn={fn}
              number={index + 1}
              onChange={(change) => changeFunction(fn.id, change)}
              onRemove={() => update({ functions: functions.filter((f) => f.id !== fn.id) })}
            />
          ))}
        </ul>
        <Button size="sm" disabled={functions.length >= MAX_PLANE_FUNCTIONS} onClick={addFunction}>
          Add function
        </Button>
      </fieldset>
      <fieldset>
        <legend>Window</legend>
        <NumberField label="x from" value={win.xMin} onCommit={(xMin) => changeWindow({ xMin })} />
        <NumberField label="to" value={win.xMax} onCommit={(xMax) => changeWindow({ xMax })} />
        <NumberField
          label="grid every"
          value={win.xStep}
          onCommit={(xStep) => changeWindow({ xStep })}
          width={48}
        />
        <NumberField label="y from" value={win.yMin} onCommit={(yMin) => changeWindow({ yMin })} />
        <NumberField label="to" value={win.yMax} onCommit={(yMax) => changeWindow({ yMax })} />
        <NumberField
          label="grid every"
          value={win.yStep}
          onCommit={(yStep) => changeWindow({ yStep })}
          width={48}
        />
        <FormProblem problem={windowProblem} />
      </fieldset>
      <PointsFieldset
        points={points}
        max={MAX_PLANE_POINTS}
        onLabel={(id, label) => changePoint(id, { label })}
        onRemove={(id) => update({ points: points.filter((p) => p.id !== id) })}
        onAdd={addPoint}
        position={(point) => (
          <>
            <NumberField
              label="("
              value={point.x}
              width={52}
              onCommit={(x) => changePoint(point.id, { x })}
            />
            <NumberField
              label=","
              value={point.y}
              width={52}
              onCommit={(y) => changePoint(point.id, { y })}
            />
            <span>)</span>
          </>
        )}
      />
    </MathShapeForm>
  );
}
