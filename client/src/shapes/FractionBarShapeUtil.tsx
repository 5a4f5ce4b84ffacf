import './shapeTypes.js';
import './mathShapes.css';
import { BaseBoxShapeUtil, DefaultFontFaces, HTMLContainer, useEditor, useIsEditing } from 'tldraw';
import { useEffect, useRef } from 'react';
import {
  FRACTION_BAR_DEFAULT_PROPS,
  FRACTION_BAR_TYPE,
  MAX_FRACTION_COLUMNS,
  MAX_FRACTION_ROWS,
  asBarPartition,
  fractionBarMigrations,
  fractionBarProps,
  fractionLabel,
  repartition,
  toggleShadedPart,
  type FractionBarProps,
  type FractionBarShape,
  describeFractionBar,
} from '@conjecture/shared/board/index';
import { EditControls, type EditControl } from './EditControls.js';
import { FractionBarSvg } from './fractionBarSvg.js';

function controlsFor(
  props: FractionBarProps,
  update: (next: Partial<FractionBarProps>) => void,
): EditControl[] {
  const p = props.partition;
  const bar = props.model === 'bar';
  const setParts = (rows: number, columns: number) => update({ partition: repartition(p, rows, columns) });
  const common: EditControl[] = [
    {
      testId: 'fraction-model',
      label: bar ? 'Area model' : 'Bar',
      title: bar ? 'Show as an area model' : 'Show as a bar',
      onPress: () => update(bar ? { model: 'area' } : { model: 'bar', partition: asBarPartition(p) }),
    },
    {
      testId: 'fraction-label',
      label: 'Label',
      title: 'Show the shaded fraction',
      pressed: props.showLabel,
      onPress: () => update({ showLabel: !props.showLabel }),
    },
  ];
  if (bar) {
    return [
      {
        testId: 'fraction-parts-less',
        label: '− part',
        title: 'One part fewer',
        disabled: p.columns <= 1,
        onPress: () => setParts(1, p.columns - 1),
      },
      {
        testId: 'fraction-parts-more',
        label: '+ part',
        title: 'One part more',
        disabled: p.columns >= MAX_FRACTION_COLUMNS,
        onPress: () => setParts(1, p.columns + 1),
      },
      ...common,
    ];
  }
  return [
    {
      testId: 'fraction-rows-less',
      label: '− row',
      title: 'One row fewer',
      disabled: p.rows <= 1,
      onPress: () => setParts(p.rows - 1, p.columns),
    },
    {
      testId: 'fraction-rows-more',
      label: '+ row',
      title: 'One row more',
      disabled: p.rows >= MAX_FRACTION_ROWS,
      onPress: () => setParts(p.rows + 1, p.columns),
    },
    {
      testId: 'fraction-columns-less',
      label: '− column',
      title: 'One column fewer',
      disabled: p.columns <= 1,
      onPress: () => setParts(p.rows, p.columns - 1),
    },
    {
      testId: 'fraction-columns-more',
      label: '+ column',
      title: 'One column more',
      disabled: p.columns >= MAX_FRACTION_COLUMNS,
      onPress: () => setParts(p.rows, p.columns + 1),
    },
    ...common,
  ];
}

function FractionBarView({ shape }: { shape: FractionBarShape }) {
  const editor = useEditor();
  const isEditing = useIsEditing(shape.id);
  const { w, h } = shape.props;
  const update = (next: Partial<FractionBarProps>) =>
    editor.updateShape<FractionBarShape>({ id: shape.id, type: FRACTION_BAR_TYPE, props: next });
  const svg = useRef<SVGSVGElement>(null);
  // A keyboard user who starts editing (Enter, or placing the shape) lands on the first part: Space shades
  // it, Tab goes to the next part and on to the buttons.
  useEffect(() => {
    if (isEditing) svg.current?.querySelector<SVGElement>('[data-part="0"]')?.focus({ preventScroll: true });
  }, [isEditing]);
  return (
    <HTMLContainer className="fraction-bar-shape" style={{ width: w, height: h }}>
      <svg
        ref={svg}
        width={w}
        height={h}
        viewBox={`0 0 ${w} ${h}`}
        overflow="visible"
        // while editing, the parts are checkboxes: an img's children would be hidden from a screen reader
        role={isEditing ? 'group' : 'img'}
        aria-label={`Fraction model, ${fractionLabel(shape.props.partition)} shaded`}
      >
        <FractionBarSvg
          props={shape.props}
          {...(isEditing
            ? {
                onTogglePart: (i: number) =>
                  update({ partition: toggleShadedPart(shape.props.partition, i) }),
              }
            : {})}
        />
      </svg>
      {isEditing && <EditControls label="Fraction model" controls={controlsFor(shape.props, update)} />}
    </HTMLContainer>
  );
}

/**
 * A fraction bar or area model. While editing (double-click, or Enter when selected), pressing a part
 * toggles its shading and the buttons under it change the partition, the model and the label. Drawn as
 * plain SVG both on the board and in exports.
 */
export class FractionBarShapeUtil extends BaseBoxShapeUtil<FractionBarShape> {
  static override type = FRACTION_BAR_TYPE;
  static override props = fractionBarProps;
  static override migrations = fractionBarMigrations;

  override getDefaultProps(): FractionBarShape['props'] {
    return structuredClone(FRACTION_BAR_DEFAULT_PROPS);
  }

  override canEdit = () => true;

  override getAriaDescriptor(shape: FractionBarShape) {
    return describeFractionBar(shape.props);
  }

  override getText(shape: FractionBarShape) {
    return fractionLabel(shape.props.partition);
  }

  override getFontFaces() {
    return [DefaultFontFaces.tldraw_sans.normal.normal];
  }

  override component(shape: FractionBarShape) {
    return <FractionBarView shape={shape} />;
  }

  override toSvg(shape: FractionBarShape) {
    return <FractionBarSvg props={shape.props} />;
  }

  override getIndicatorPath(shape: FractionBarShape) {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }
}
