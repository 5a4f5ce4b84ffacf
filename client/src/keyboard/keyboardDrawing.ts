import { Vec, createBindingId, createShapeId, type Editor, type TLShape } from 'tldraw';
import { isolated } from '@conjecture/shared';
import { describeRecord, recordText } from '@conjecture/shared/board/index';
import { freePointNear, moveIntoFreeSpace } from './freeSpace.js';
import { sendClick, sendPointer } from './keyboardPointer.js';

/** tldraw's tools that make their shape with a click: Enter makes one near the middle of the view. */
const CLICK_TOOLS: Record<string, string> = {
  geo: 'Shape',
  note: 'Sticky note',
  text: 'Text',
  frame: 'Frame',
};
/** tldraw's tools that make theirs by dragging: Enter puts a pen down that the arrow keys move. */
const STROKE_TOOLS: Record<string, string> = {
  draw: 'Drawing',
  highlight: 'Highlight',
  line: 'Line',
  arrow: 'Arrow',
};

const DIRECTIONS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** A pen step and a Shift step, in screen pixels: the same on screen at any zoom. */
const PEN_STEP_PX = 8;
const PEN_BIG_STEP_PX = 40;
/** A pen this close to the view's edge moves the view instead (tldraw would scroll on its own there, and on). */
const PEN_EDGE_MARGIN_PX = 48;
/** The clear square a first stroke starts in the middle of, in screen pixels. */
const PEN_ROOM_PX = 160;
/** A resize step in screen pixels, and the smallest a side gets by keyboard. */
const RESIZE_STEP_PX = 16;
const MIN_SIDE_PX = 16;
/** How much of a shape's words an announcement quotes. */
const QUOTE_CHARS = 60;

interface Stroke {
  label: string;
  /** Undoing to here takes the stroke back (Escape). */
  mark: string;
  pen: Vec;
}

/**
 * Drawing on the canvas by keyboard, where tldraw has no keyboard path (its audit, tldraw issue #9156): with
 * one of its shape tools chosen, Enter makes the shape — a click's shape near the middle of the view, clear of the work there (shapes,
 * sticky notes, text, frames), or for the pen, highlighter, line and arrow a pen put down there that the arrow
 * keys draw with (Shift for long steps, two arrows at once for a diagonal; the view follows it), Enter ends
 * and Escape takes back. With two shapes selected, the arrow tool's Enter joins them with a bound arrow.
 * Alt+Shift+arrow keys resize the selection (right and down grow it). Each step is said to a screen reader.
 *
 * The tools make the shapes themselves, from pointer events at the pen (`keyboardPointer.ts`), so a keyboard
 * shape is exactly what the mouse would have made: styles, sizes, snapping and attribution alike.
 */
export class KeyboardDrawing {
  private stroke: Stroke | null = null;
  private readonly held = new Set<string>();
  /** Keys whose key-down this handled: their key-up is ours too, or tldraw would act on half a keystroke. */
  private readonly ownKeyUps = new Set<string>();
  private lastPenEnd: Vec | null = null;

  constructor(
    private readonly editor: Editor,
    private readonly say: (message: string) => void,
  ) {}

  /** True when the key was this feature's (the caller then keeps it from tldraw). */
  keyDown(event: KeyboardEvent): boolean {
    const handled = this.handleKeyDown(event);
    if (handled) this.ownKeyUps.add(event.code);
    return handled;
  }

  keyUp(event: KeyboardEvent): boolean {
    this.held.delete(event.key);
    return this.ownKeyUps.delete(event.code);
  }

  private handleKeyDown(event: KeyboardEvent): boolean {
    const stroke = this.strokeInProgress();
    if (stroke) return this.strokeKey(stroke, event);
    const { editor } = this;
    if (editor.getIsReadonly()) return false;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey;
    if (event.key === 'Enter' && plain && !event.repeat) {
      const tool = editor.getCurrentToolId();
      if (!editor.isIn(`${tool}.idle`)) return false;
      if (tool in CLICK_TOOLS) return this.place(tool);
      if (tool === 'arrow' && this.joinSelected()) return true;
      if (tool in STROKE_TOOLS) return this.penDown(STROKE_TOOLS[tool] as string);
      return false;
    }
    const direction = DIRECTIONS[event.key];
    if (direction && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey)
      return this.resizeSelection(direction);
    return false;
  }

  /** The stroke, unless something else ended the drag it is (a click, the class paused). */
  private strokeInProgress(): Stroke | null {
    if (this.stroke && !this.editor.inputs.getIsPointing()) {
      this.stroke = null;
      this.held.clear();
    }
    return this.stroke;
  }

  /** While a stroke is drawn the keyboard is its own: a tool's shortcut would switch tools mid-drag. */
  private strokeKey(stroke: Stroke, event: KeyboardEvent): boolean {
    if (event.key in DIRECTIONS) {
      this.held.add(event.key);
      this.movePen(stroke, event.shiftKey);
    } else if (event.key === 'Enter' && !event.repeat) {
      this.penUp(stroke);
      this.say(`${stroke.label} finished.`);
    } else if (event.key === 'Escape') {
      this.penUp(stroke);
      this.editor.bailToMark(stroke.mark);
      this.say(`${stroke.label} taken back.`);
    }
    return true;
  }

  private place(tool: string): boolean {
    const { editor } = this;
    const before = new Set(editor.getCurrentPageShapeIds());
    sendClick(editor, editor.getViewportPageBounds().center);
    const made = editor.getSelectedShapes().find((s) => !before.has(s.id));
    if (!made) return true; // refused (the board's shape limit) or tldraw edits a text already there
    moveIntoFreeSpace(editor, made.id);
    const name = tool === 'geo' ? capitalize(geoName(made)) : (CLICK_TOOLS[tool] as string);
    this.say(
      editor.getEditingShapeId() === made.id
        ? `${name} placed near the middle of the view: type its text, then Escape.`
        : `${name} placed near the middle of the view: Enter to write in it, arrow keys move it, Alt+Shift+arrow keys resize it.`,
    );
    return true;
  }

  private penDown(label: string): boolean {
    const { editor } = this;
    const view = editor.getViewportPageBounds();
    // on from where the last stroke ended (a figure of several strokes), else clear of the work in view
    const start =
      this.lastPenEnd && view.containsPoint(this.lastPenEnd)
        ? this.lastPenEnd
        : freePointNear(editor, view.center, PEN_ROOM_PX);
    const mark = editor.markHistoryStoppingPoint('keyboard stroke');
    this.stroke = { label, mark, pen: Vec.From(start) };
    sendPointer(editor, 'pointer_down', start);
    this.say(
      `${label}: pen down. Arrow keys draw, with Shift for long steps; Enter finishes, Escape takes it back.`,
    );
    return true;
  }

  private movePen(stroke: Stroke, big: boolean): void {
    const { editor } = this;
    const step = (big ? PEN_BIG_STEP_PX : PEN_STEP_PX) / editor.getZoomLevel();
    const delta = new Vec();
    for (const key of this.held) {
      const [dx, dy] = DIRECTIONS[key] as [number, number];
      delta.x += dx;
      delta.y += dy;
    }
    stroke.pen = stroke.pen.add(delta.mul(step));
    const margin = PEN_EDGE_MARGIN_PX / editor.getZoomLevel();
    if (!editor.getViewportPageBounds().clone().expandBy(-margin).containsPoint(stroke.pen))
      editor.centerOnPoint(stroke.pen);
    sendPointer(editor, 'pointer_move', stroke.pen);
  }

  private penUp(stroke: Stroke): void {
    sendPointer(this.editor, 'pointer_up', stroke.pen);
    this.lastPenEnd = stroke.pen;
    this.stroke = null;
    this.held.clear();
  }

  /** Two shapes selected: an arrow from the first chosen to the second, bound to both as a drag would. */
  private joinSelected(): boolean {
    const { editor } = this;
    const ends = editor.getSelectedShapes().filter((s) => s.type !== 'arrow');
    if (ends.length !== 2) return false;
    const [from, to] = ends as [TLShape, TLShape];
    const start = editor.getShapePageBounds(from)?.center;
    const end = editor.getShapePageBounds(to)?.center;
    if (!start || !end) return false;
    const id = createShapeId();
    editor.markHistoryStoppingPoint('keyboard arrow');
    editor.run(() => {
      editor.createShape({
        id,
        type: 'arrow',
        x: start.x,
        y: start.y,
        props: { start: { x: 0, y: 0 }, end: { x: end.x - start.x, y: end.y - start.y } },
      });
      if (!editor.getShape(id)) return; // refused (the board's shape limit)
      editor.createBindings(
        (['start', 'end'] as const).map((terminal) => ({
          id: createBindingId(),
          type: 'arrow',
          fromId: id,
          toId: terminal === 'start' ? from.id : to.id,
          props: {
            terminal,
            normalizedAnchor: { x: 0.5, y: 0.5 },
            isExact: false,
            isPrecise: false,
            snap: 'none',
          },
        })),
      );
      editor.select(id);
      if (!editor.getInstanceState().isToolLocked) editor.setCurrentTool('select');
    });
    if (editor.getShape(id)) this.say(`Arrow drawn from ${quote(from)} to ${quote(to)}.`);
    return true;
  }

  private resizeSelection([dx, dy]: [number, number]): boolean {
    const { editor } = this;
    if (!editor.isIn('select.idle') || editor.getIsReadonly()) return false;
    const shapes = editor
      .getSelectedShapes()
      .filter((s) => editor.getShapeUtil(s).canResize(s) && !editor.isShapeOrAncestorLocked(s));
    if (shapes.length === 0) return false;
    const step = RESIZE_STEP_PX / editor.getZoomLevel();
    const min = MIN_SIDE_PX / editor.getZoomLevel();
    editor.markHistoryStoppingPoint('keyboard resize');
    for (const shape of shapes) {
      // the shape's own box, so a turned shape grows along its own sides
      const { w, h, point } = editor.getShapeGeometry(shape).bounds;
      if (w === 0 || h === 0) continue; // a straight line has no width to scale
      const transform = editor.getShapePageTransform(shape);
      editor.resizeShape(
        shape.id,
        { x: Math.max(min, w + dx * step) / w, y: Math.max(min, h + dy * step) / h },
        {
          scaleOrigin: transform.applyToPoint(point),
          scaleAxisRotation: transform.rotation(),
          dragHandle: dx !== 0 ? 'right' : 'bottom',
        },
      );
    }
    const only = editor.getOnlySelectedShape();
    const box = only ? editor.getShapeGeometry(only).bounds : editor.getSelectionPageBounds();
    if (box) this.say(`Width ${Math.round(box.w)}, height ${Math.round(box.h)}.`);
    return true;
  }
}

function geoName(shape: TLShape): string {
  const geo = (shape.props as { geo?: unknown }).geo;
  return typeof geo === 'string' ? geo.replace(/-/g, ' ') : 'shape';
}

/** "a rectangle", "an ellipse", "an x box". */
function withArticle(name: string): string {
  return `${/^[aeiox]/.test(name) ? 'an' : 'a'} ${name}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A shape as an announcement names it: its words quoted, or its kind ("a rectangle", "a table of …"). */
function quote(shape: TLShape): string {
  const text = recordText(shape);
  if (text) return `“${isolated(clip(text))}”`;
  const kind = shape.type === 'geo' ? withArticle(geoName(shape)) : (describeRecord(shape) ?? 'a shape');
  return clip(kind.charAt(0).toLowerCase() + kind.slice(1));
}

function clip(words: string): string {
  return words.length > QUOTE_CHARS ? `${words.slice(0, QUOTE_CHARS - 1)}…` : words;
}
