import './shapeTypes.js';
import './numberLineAndPlane.css';
import { useMemo } from 'react';
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  useIsEditing,
  type TLHandle,
  type TLHandleDragInfo,
  type TLShapePartial,
} from 'tldraw';
import {
  COORDINATE_PLANE_DEFAULT_PROPS,
  COORDINATE_PLANE_TYPE,
  coordinatePlaneMigrations,
  coordinatePlaneProps,
  type CoordinatePlaneShape,
  describeCoordinatePlane,
} from '@conjecture/shared/board/index';
import { windowTransform } from '@conjecture/shared/domain/math/index';
import { CoordinatePlaneSvg } from './CoordinatePlaneSvg.js';
import { pointHandles } from './pointHandles.js';
import { CoordinatePlaneForm } from './CoordinatePlaneForm.js';

/**
 * A coordinate plane with functions typed as text (our own parser; a text that does not parse draws nothing
 * and shows its error in the form) and points that are tldraw handles: select the plane, drag a point, and
 * it lands on the nearest grid intersection. Double-click or Enter opens the form.
 */
export class CoordinatePlaneShapeUtil extends BaseBoxShapeUtil<CoordinatePlaneShape> {
  static override type = COORDINATE_PLANE_TYPE;
  static override props = coordinatePlaneProps;
  static override migrations = coordinatePlaneMigrations;

  override getDefaultProps(): CoordinatePlaneShape['props'] {
    return structuredClone(COORDINATE_PLANE_DEFAULT_PROPS);
  }

  override canEdit = () => true;

  override getAriaDescriptor(shape: CoordinatePlaneShape) {
    return describeCoordinatePlane(shape.props);
  }

  override getHandles(shape: CoordinatePlaneShape): TLHandle[] {
    const { window: win, points, w, h } = shape.props;
    const { toPx } = windowTransform(win, w, h);
    const inside = points.filter(
      (p) => p.x >= win.xMin && p.x <= win.xMax && p.y >= win.yMin && p.y <= win.yMax,
    );
    return pointHandles(inside, (point) => toPx(point.x, point.y));
  }

  override onHandleDrag(
    shape: CoordinatePlaneShape,
    { handle }: TLHandleDragInfo<CoordinatePlaneShape>,
  ): TLShapePartial<CoordinatePlaneShape> | void {
    const { window: win, points, w, h } = shape.props;
    const at = windowTransform(win, w, h).toMath(handle.x, handle.y);
    // the nearest grid intersection, inside the window
    const snap = (v: number, step: number, min: number, max: number) =>
      Math.min(max, Math.max(min, Number.parseFloat((Math.round(v / step) * step).toPrecision(12))));
    const x = snap(at.x, win.xStep, win.xMin, win.xMax);
    const y = snap(at.y, win.yStep, win.yMin, win.yMax);
    const current = points.find((p) => p.id === handle.id);
    if (!current || (current.x === x && current.y === y)) return;
    return {
      id: shape.id,
      type: COORDINATE_PLANE_TYPE,
      props: { points: points.map((p) => (p.id === handle.id ? { ...p, x, y } : p)) },
    };
  }

  override component(shape: CoordinatePlaneShape) {
    return <CoordinatePlaneComponent shape={shape} />;
  }

  override toSvg(shape: CoordinatePlaneShape) {
    return <CoordinatePlaneSvg props={shape.props} shapeId={shape.id} />;
  }

  override getIndicatorPath(shape: CoordinatePlaneShape) {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }
}

function CoordinatePlaneComponent({ shape }: { shape: CoordinatePlaneShape }) {
  const isEditing = useIsEditing(shape.id);
  const { w, h } = shape.props;
  // plotting samples every pixel column: only redo it when the props change
  const drawing = useMemo(
    () => <CoordinatePlaneSvg props={shape.props} shapeId={shape.id} />,
    [shape.props, shape.id],
  );
  return (
    <HTMLContainer
      className="math-shape coordinate-plane"
      style={{ width: w, height: h, pointerEvents: isEditing ? 'all' : 'none' }}
    >
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label="Coordinate plane">
        {drawing}
      </svg>
      {isEditing && <CoordinatePlaneForm shape={shape} />}
    </HTMLContainer>
  );
}
