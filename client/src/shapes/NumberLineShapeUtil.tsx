import './shapeTypes.js';
import './numberLineAndPlane.css';
import {
  BaseBoxShapeUtil,
  HTMLContainer,
  useIsEditing,
  type TLHandle,
  type TLHandleDragInfo,
  type TLShapePartial,
} from 'tldraw';
import {
  NUMBER_LINE_DEFAULT_PROPS,
  NUMBER_LINE_TYPE,
  numberLineMigrations,
  numberLineProps,
  type NumberLineShape,
  describeNumberLine,
} from '@conjecture/shared/board/index';
import { snapToTick } from '@conjecture/shared/domain/math/index';
import { NumberLineSvg } from './NumberLineSvg.js';
import { pointHandles } from './pointHandles.js';
import { NumberLineForm } from './NumberLineForm.js';
import { numberLineLayout, valueToX, xToValue } from './numberLineLayout.js';

/**
 * A number line. Its points are tldraw handles: select the line, then drag a point along it (with a mouse,
 * a pen or a finger; it snaps to ticks when the line says so). Double-click or Enter opens the form for the
 * range, ticks and points. Props and migrations come from shared, the schema the server validates with.
 */
export class NumberLineShapeUtil extends BaseBoxShapeUtil<NumberLineShape> {
  static override type = NUMBER_LINE_TYPE;
  static override props = numberLineProps;
  static override migrations = numberLineMigrations;

  override getDefaultProps(): NumberLineShape['props'] {
    return structuredClone(NUMBER_LINE_DEFAULT_PROPS);
  }

  override canEdit = () => true;

  override getAriaDescriptor(shape: NumberLineShape) {
    return describeNumberLine(shape.props);
  }

  override getHandles(shape: NumberLineShape): TLHandle[] {
    const { axis, points, w, h } = shape.props;
    const { lineY } = numberLineLayout(w, h);
    const onLine = points.filter((p) => p.value >= axis.min && p.value <= axis.max);
    return pointHandles(onLine, (point) => ({ x: valueToX(point.value, axis, w, h), y: lineY }));
  }

  override onHandleDrag(
    shape: NumberLineShape,
    { handle }: TLHandleDragInfo<NumberLineShape>,
  ): TLShapePartial<NumberLineShape> | void {
    const { axis, points, w, h, snapToTicks } = shape.props;
    const raw = xToValue(handle.x, axis, w, h);
    // without snapping, keep a hundredth of a tick: enough to place, no float noise in the record
    const hundredth = axis.tickNumerator / axis.tickDenominator / 100;
    const value = snapToTicks ? snapToTick(raw, axis) : Math.round(raw / hundredth) * hundredth;
    const current = points.find((p) => p.id === handle.id);
    if (!current || current.value === value) return;
    return {
      id: shape.id,
      type: NUMBER_LINE_TYPE,
      props: { points: points.map((p) => (p.id === handle.id ? { ...p, value } : p)) },
    };
  }

  override component(shape: NumberLineShape) {
    return <NumberLineComponent shape={shape} />;
  }

  override toSvg(shape: NumberLineShape) {
    return <NumberLineSvg props={shape.props} />;
  }

  override getIndicatorPath(shape: NumberLineShape) {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }
}

function NumberLineComponent({ shape }: { shape: NumberLineShape }) {
  const isEditing = useIsEditing(shape.id);
  const { w, h } = shape.props;
  return (
    <HTMLContainer
      className="math-shape number-line"
      style={{ width: w, height: h, pointerEvents: isEditing ? 'all' : 'none' }}
    >
      <svg width={w} height={h} viewBox={`0 0 ${w} ${h}`} role="img" aria-label="Number line">
        <NumberLineSvg props={shape.props} />
      </svg>
      {isEditing && <NumberLineForm shape={shape} />}
    </HTMLContainer>
  );
}
