import './shapeTypes.js';
import 'katex/dist/katex.min.css';
import './mathShapes.css';
import {
  HTMLContainer,
  Rectangle2d,
  ShapeUtil,
  resizeBox,
  useEditor,
  useIsEditing,
  type TLResizeInfo,
} from 'tldraw';
import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  EQUATION_DEFAULT_PROPS,
  EQUATION_TYPE,
  MAX_EQUATION_FONT_PX,
  MAX_EQUATION_LATEX_CHARS,
  MAX_SHAPE_SIDE_PX,
  MIN_EQUATION_FONT_PX,
  equationMigrations,
  equationProps,
  type EquationShape,
  describeEquation,
} from '@conjecture/shared/board/index';
import { renderEquation } from './equationRender.js';
import { VisualEquationEditor } from './VisualEquationEditor.js';

const PLACEHOLDER = 'Double-click to write an equation';

/** The rendered equation, or KaTeX's error beside the source. Also the SVG export's content. */
function EquationContent({ latex, fontSize }: { latex: string; fontSize: number }) {
  const rendered = useMemo(() => renderEquation(latex), [latex]);
  if (latex.trim() === '') {
    return <span className="equation-placeholder">{PLACEHOLDER}</span>;
  }
  if (!rendered.ok) {
    return (
      <span className="equation-error" role="alert" data-testid="equation-error">
        <code>{latex}</code>
        <span>{rendered.error}</span>
      </span>
    );
  }
  // KaTeX output with trust off (see renderEquation): safe to inject.
  return (
    <span
      className="equation-katex"
      style={{ fontSize }}
      dangerouslySetInnerHTML={{ __html: rendered.html }}
    />
  );
}

function EquationView({ shape }: { shape: EquationShape }) {
  const editor = useEditor();
  const isEditing = useIsEditing(shape.id);
  const content = useRef<HTMLDivElement>(null);
  const { latex, fontSize, w, h } = shape.props;

  // The box grows (and shrinks) with the equation. Only the client editing it measures and writes the
  // size, so viewers never race each other with their own measurements.
  useLayoutEffect(() => {
    if (!isEditing || !content.current) return;
    const nextW = Math.min(MAX_SHAPE_SIDE_PX, Math.max(1, Math.ceil(content.current.offsetWidth)));
    const nextH = Math.min(MAX_SHAPE_SIDE_PX, Math.max(1, Math.ceil(content.current.offsetHeight)));
    if (Math.abs(nextW - w) < 1 && Math.abs(nextH - h) < 1) return;
    editor.updateShape<EquationShape>({ id: shape.id, type: EQUATION_TYPE, props: { w: nextW, h: nextH } });
  }, [editor, isEditing, latex, fontSize, w, h, shape.id]);

  return (
    <HTMLContainer className="equation-shape" style={{ width: w, height: h }}>
      <div ref={content} className="equation-box" style={{ fontSize }}>
        <EquationContent latex={latex} fontSize={fontSize} />
      </div>
      {isEditing && (
        <VisualEquationEditor
          latex={latex}
          selectAll={latex === EQUATION_DEFAULT_PROPS.latex}
          onChange={(next) =>
            editor.updateShape<EquationShape>({ id: shape.id, type: EQUATION_TYPE, props: { latex: next } })
          }
          onDone={() => editor.complete()}
        />
      )}
      {isEditing && (
        <textarea
          className="equation-source math-shape-editor"
          data-testid="equation-source"
          aria-label="LaTeX source"
          spellCheck={false}
          maxLength={MAX_EQUATION_LATEX_CHARS}
          value={latex}
          onFocus={(e) => e.currentTarget.select()}
          onPointerDown={(e) => e.stopPropagation()}
          onChange={(e) =>
            editor.updateShape<EquationShape>({
              id: shape.id,
              type: EQUATION_TYPE,
              props: { latex: e.currentTarget.value.slice(0, MAX_EQUATION_LATEX_CHARS) },
            })
          }
          onKeyDown={(e) => {
            // Enter finishes (Shift+Enter for a new line); Escape is tldraw's, which also finishes.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              editor.complete();
            }
          }}
        />
      )}
    </HTMLContainer>
  );
}

/**
 * An equation: LaTeX drawn with KaTeX, edited in place (double-click or Enter) in a textarea under it. The
 * box follows the rendered size; resizing scales the font. Exports put the KaTeX HTML in a foreignObject
 * that tldraw inlines (computed styles and the KaTeX fonts as data URLs), so SVG and PNG show the equation.
 */
export class EquationShapeUtil extends ShapeUtil<EquationShape> {
  static override type = EQUATION_TYPE;
  static override props = equationProps;
  static override migrations = equationMigrations;

  override getDefaultProps(): EquationShape['props'] {
    return { ...EQUATION_DEFAULT_PROPS };
  }

  override getGeometry(shape: EquationShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true });
  }

  override canEdit = () => true;
  override isAspectRatioLocked = () => true;

  /** What a screen reader announces for the selected shape: the equation as spoken math. */
  override getAriaDescriptor(shape: EquationShape) {
    return describeEquation(shape.props);
  }

  override getText(shape: EquationShape) {
    return shape.props.latex;
  }

  override onResize(shape: EquationShape, info: TLResizeInfo<EquationShape>) {
    const initial = info.initialShape.props;
    const resized = resizeBox(shape, info, {
      minWidth: (initial.w * MIN_EQUATION_FONT_PX) / initial.fontSize,
      maxWidth: Math.min(MAX_SHAPE_SIDE_PX, (initial.w * MAX_EQUATION_FONT_PX) / initial.fontSize),
      minHeight: (initial.h * MIN_EQUATION_FONT_PX) / initial.fontSize,
      maxHeight: Math.min(MAX_SHAPE_SIDE_PX, (initial.h * MAX_EQUATION_FONT_PX) / initial.fontSize),
    });
    const scale = resized.props.w / initial.w;
    const fontSize = Math.min(MAX_EQUATION_FONT_PX, Math.max(MIN_EQUATION_FONT_PX, initial.fontSize * scale));
    return { ...resized, props: { ...resized.props, fontSize } };
  }

  override component(shape: EquationShape) {
    return <EquationView shape={shape} />;
  }

  override toSvg(shape: EquationShape) {
    const { w, h, latex, fontSize } = shape.props;
    // `tl-export-embed-styles` asks tldraw to inline this foreignObject's computed styles and fonts.
    return (
      <foreignObject x={0} y={0} width={w} height={h} className="tl-export-embed-styles">
        <div className="equation-box" style={{ fontSize }}>
          <EquationContent latex={latex} fontSize={fontSize} />
        </div>
      </foreignObject>
    );
  }

  override getIndicatorPath(shape: EquationShape) {
    const path = new Path2D();
    path.rect(0, 0, shape.props.w, shape.props.h);
    return path;
  }
}
