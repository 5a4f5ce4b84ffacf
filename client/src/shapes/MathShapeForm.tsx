import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { stopEventPropagation, useEditor, type Editor } from 'tldraw';
import { besideShape, editorPanels, keepClear, type Rect } from '../layout/keepClear.js';
import { MAX_POINT_LABEL_CHARS } from '@conjecture/shared/board/index';
import { parseSimpleNumber } from '@conjecture/shared/domain/math/index';
import { Button } from '../ui/Button.js';

/** How many frames the form waits for its shape to stop moving before it makes room for itself. */
const SETTLE_FRAMES_MAX = 30;

/**
 * The editing form of a math shape, shown under the shape while it is being edited (double-click or Enter
 * on the selected shape; Escape or a click elsewhere ends it), its first field focused. Pointer events stop here so tldraw does not
 * read a click in the form as a click on the canvas; tldraw ignores keys typed into inputs.
 */
export function MathShapeForm({
  label,
  top,
  width,
  children,
}: {
  label: string;
  top: number;
  width: number;
  children: ReactNode;
}) {
  const form = useRef<HTMLFormElement>(null);
  const editor = useEditor();
  // Where the form was moved to beside its shape (page units, in the shape's own scaled layer).
  const [shift, setShift] = useState({ x: 0, y: 0 });
  // keyboard users land in the form when editing starts (Enter on the selected shape, or placing it)
  useEffect(() => {
    const el = form.current;
    if (!el) return;
    el.querySelector<HTMLElement>('input, select, button')?.focus({ preventScroll: true });
    // The form hangs under the shape: on a small screen it would run off the bottom or under the toolbar.
    // Once the shape has settled where it was placed (tldraw may still move it in the first frames), the
    // form opens beside the shape where it fits there; only where it fits nowhere does the camera move,
    // once, so that all of the form is on screen and clear of the editor's panels (a board that moved when
    // a form opened lost the student her place).
    const container = editor.getContainer();
    let last = '';
    let frames = 0;
    let cancelled = false;
    const check = () => {
      if (cancelled) return;
      const origin = container.getBoundingClientRect();
      const r = el.getBoundingClientRect();
      const box = { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
      const key = JSON.stringify(box);
      if (key !== last && frames++ < SETTLE_FRAMES_MAX) {
        last = key;
        editor.timers.requestAnimationFrame(check);
        return;
      }
      const viewport = { x: 0, y: 0, w: origin.width, h: origin.height };
      const panels = editorPanels(container);
      const clear = keepClear(box, viewport, panels);
      const [dx, dy] = [clear.x - box.x, clear.y - box.y];
      if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return;
      const camera = editor.getCamera();
      const shape = editingShapeBox(editor);
      const beside = shape && besideShape(shape, box, viewport, panels);
      if (beside) return setShift({ x: (beside.x - box.x) / camera.z, y: (beside.y - box.y) / camera.z });
      editor.setCamera({ x: camera.x + dx / camera.z, y: camera.y + dy / camera.z, z: camera.z });
    };
    editor.timers.requestAnimationFrame(check);
    return () => {
      cancelled = true;
    };
  }, [editor]);
  return (
    <form
      ref={form}
      className="math-shape-form"
      aria-label={label}
      style={{
        top,
        width,
        transform: shift.x || shift.y ? `translate(${shift.x}px, ${shift.y}px)` : undefined,
      }}
      onPointerDown={stopEventPropagation}
      onPointerUp={stopEventPropagation}
      onDoubleClick={stopEventPropagation}
      onTouchStart={stopEventPropagation}
      onWheel={stopEventPropagation}
      onSubmit={(event) => event.preventDefault()}
    >
      {children}
    </form>
  );
}

/** The shape being edited, in the editor's viewport (the container's pixels). */
function editingShapeBox(editor: Editor): Rect | null {
  const id = editor.getEditingShapeId();
  const bounds = id ? editor.getShapePageBounds(id) : undefined;
  if (!bounds) return null;
  const { x, y } = editor.pageToViewport({ x: bounds.x, y: bounds.y });
  const z = editor.getZoomLevel();
  return { x, y, w: bounds.w * z, h: bounds.h * z };
}

/** The value a draft stands for, or NaN while it is not yet a number. */
const draftValue = (text: string) => {
  const parsed = parseSimpleNumber(text);
  return parsed.ok ? parsed.value : Number.NaN;
};

/**
 * A number typed as text, as a student writes it: "2/3", "-1 1/2", "0.75", "3/4+1" (shared's parser). The
 * draft stays as typed ("-", "2/") while it is not a number, with an inline message saying what to type, and
 * is replaced when the value changes from elsewhere (a drag, another student).
 */
export function NumberField({
  label,
  value,
  onCommit,
  integer = false,
  width = 64,
}: {
  label: string;
  value: number;
  /** Returns why the value is refused, or null once it is stored. */
  onCommit: (value: number) => string | null;
  integer?: boolean;
  width?: number;
}) {
  const id = useId();
  const [draft, setDraft] = useState(String(value));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setDraft((current) => (draftValue(current) === value ? current : String(value)));
  }, [value]);
  const change = (text: string) => {
    setDraft(text);
    const parsed = parseSimpleNumber(text);
    if (!parsed.ok) return setProblem(parsed.error);
    if (integer && !Number.isInteger(parsed.value)) return setProblem('a whole number');
    setProblem(onCommit(parsed.value));
  };
  return (
    <span className="math-shape-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="text"
        value={draft}
        aria-describedby={problem ? `${id}-problem` : undefined}
        style={{ width }}
        aria-invalid={problem !== null}
        onChange={(event) => change(event.currentTarget.value)}
      />
      {problem && (
        <span className="math-shape-problem" id={`${id}-problem`}>
          {problem}
        </span>
      )}
    </span>
  );
}

/** A problem for the whole form (an axis that would draw too many ticks…), read out when it appears. */
export function FormProblem({ problem }: { problem: string | null }) {
  return problem ? (
    <p className="math-shape-problem" role="alert">
      {problem}
    </p>
  ) : null;
}

/** Runs a tldraw validator; its message (without the path prefix) when it refuses the value. */
export function validationProblem(validate: () => unknown): string | null {
  try {
    validate();
    return null;
  } catch (error) {
    // tldraw's message starts with the path ("At (check drawable): …"); rawMessage is the words alone
    const { rawMessage, message } = error as { rawMessage?: string; message: string };
    return rawMessage ?? message;
  }
}

/**
 * The labelled points of a number line or a plane: a row per point (its label, the fields for where it is,
 * a remove button) and "Add point" up to the shape's limit.
 */
export function PointsFieldset<P extends { id: string; label: string }>({
  points,
  max,
  onLabel,
  onRemove,
  onAdd,
  position,
}: {
  points: readonly P[];
  max: number;
  onLabel: (id: string, label: string) => void;
  onRemove: (id: string) => void;
  onAdd: () => void;
  /** The fields that place a point (a value on the line, or x and y). */
  position: (point: P) => ReactNode;
}) {
  return (
    <fieldset>
      <legend>Points</legend>
      <ul className="math-shape-items">
        {points.map((point) => (
          <li key={point.id}>
            <label className="math-shape-field">
              Label
              <input
                value={point.label}
                maxLength={MAX_POINT_LABEL_CHARS}
                style={{ width: 56 }}
                onChange={(event) => onLabel(point.id, event.currentTarget.value)}
              />
            </label>
            {position(point)}
            <Button size="sm" variant="ghost" onClick={() => onRemove(point.id)}>
              Remove {point.label || 'point'}
            </Button>
          </li>
        ))}
      </ul>
      <Button size="sm" disabled={points.length >= max} onClick={onAdd}>
        Add point
      </Button>
    </fieldset>
  );
}
