import {
  ArrowDownToolbarItem,
  ArrowLeftToolbarItem,
  ArrowRightToolbarItem,
  ArrowToolbarItem,
  ArrowUpToolbarItem,
  AssetToolbarItem,
  CheckBoxToolbarItem,
  CloudToolbarItem,
  DefaultToolbar,
  DiamondToolbarItem,
  DrawToolbarItem,
  EllipseToolbarItem,
  EraserToolbarItem,
  FrameToolbarItem,
  HandToolbarItem,
  HeartToolbarItem,
  HexagonToolbarItem,
  HighlightToolbarItem,
  LaserToolbarItem,
  LineToolbarItem,
  NoteToolbarItem,
  OvalToolbarItem,
  RectangleToolbarItem,
  RhombusToolbarItem,
  SelectToolbarItem,
  StarToolbarItem,
  TextToolbarItem,
  ToolbarItem,
  TriangleToolbarItem,
  XBoxToolbarItem,
  StateNode,
  createShapeId,
  type TLComponents,
  type TLKeyboardEventInfo,
  type VecLike,
  type TLShapePartial,
  type TLStateNodeConstructor,
  type TLUiOverrides,
  type TLUiEventSource,
  type Editor,
} from 'tldraw';
import { representationTools, type RepresentationTool } from './representationTools.js';
import { moveIntoFreeSpace } from '../keyboard/freeSpace.js';
import { KeyboardShortcutsDialog } from '../keyboard/KeyboardShortcutsDialog.js';
import { useKeyboardDrawing } from '../keyboard/useKeyboardDrawing.js';
import { useKeyboardStaysOnCanvas } from '../keyboard/useKeyboardStaysOnCanvas.js';
import { PenModeSwitch } from '../pen/PenModeSwitch.js';

/**
 * A tool that places its shape where the user clicks (or taps), centred on the point, at the shape's default
 * size; then selects it and starts editing it if the shape can be edited. Placing on pointer up, not down,
 * lets a touch that turns into a pinch or pan place nothing. Enter places it near the middle of the view, clear
 * of the work there: the
 * keyboard path (the tool's shortcut or its toolbar button, then Enter), which needs no pointer at all.
 */
function placementTool(entry: RepresentationTool): TLStateNodeConstructor {
  return class PlaceRepresentation extends StateNode {
    static override id = entry.id;
    private pressed = false;

    override onEnter() {
      this.pressed = false;
      this.editor.setCursor({ type: 'cross', rotation: 0 });
    }

    override onPointerDown() {
      this.pressed = true;
    }

    override onPointerUp() {
      if (!this.pressed) return;
      this.pressed = false;
      this.place(this.editor.inputs.getCurrentPagePoint());
    }

    override onKeyDown(info: TLKeyboardEventInfo) {
      // key_down only (not key_repeat): holding Enter places one shape, not a row of them.
      if (info.key !== 'Enter' || info.shiftKey || info.accelKey || info.altKey) return;
      this.place(this.editor.getViewportPageBounds().center, { clearOfWork: true });
    }

    override onCancel() {
      this.editor.setCurrentTool('select');
    }

    /** `clearOfWork`: not where a click put it, so off any work it would cover (keyboard/freeSpace.ts). */
    private place(point: VecLike, { clearOfWork = false } = {}) {
      const { editor } = this;
      const id = createShapeId();
      editor.markHistoryStoppingPoint(`place ${entry.shapeType}`);
      editor.createShape({ id, type: entry.shapeType, x: point.x, y: point.y } as TLShapePartial);
      const bounds = editor.getShapePageBounds(id);
      if (!bounds) return; // refused (e.g. the page's shape limit)
      editor.updateShape({
        id,
        type: entry.shapeType,
        x: point.x - bounds.w / 2,
        y: point.y - bounds.h / 2,
      } as TLShapePartial);
      if (clearOfWork) moveIntoFreeSpace(editor, id);
      editor.select(id);
      const shape = editor.getShape(id);
      if (editor.getInstanceState().isToolLocked) return;
      editor.setCurrentTool('select');
      if (shape && editor.canEditShape(shape)) {
        editor.setEditingShape(shape);
        editor.setCurrentTool('select.editing_shape', { target: 'shape', shape });
      }
    }
  };
}

/** tldraw tools, one per representation: pass to `<Tldraw tools>`. */
export const mathTools: TLStateNodeConstructor[] = representationTools.map(placementTool);

function ToolIcon({ path }: { path: string }) {
  return (
    <svg
      className="math-tool-icon"
      viewBox="0 0 24 24"
      width={18}
      height={18}
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={path} />
    </svg>
  );
}

const KEYBOARD_DRAWN_TOOLS = new Set(['draw', 'highlight', 'line', 'arrow', 'text', 'note', 'frame']);

/**
 * From a toolbar button the keyboard stays on the button, where tldraw hears no keys: hand it to the canvas,
 * so Enter makes the tool's shape (a mouse user loses nothing, the next click is the canvas's).
 */
function keysToCanvas(editor: Editor, source: TLUiEventSource): void {
  if (source === 'toolbar') editor.getContainer().focus();
}

/**
 * The toolbar entries (label, icon, shortcut) for the representation tools, tldraw's shape tools handing
 * the keyboard to the canvas, and no dark mode or white: pass to `<Tldraw overrides>`.
 */
export const mathUiOverrides: TLUiOverrides = {
  actions(_editor, actions) {
    // the board is light only (components/useTldrawUser.ts): no menu item or shortcut that does nothing;
    // and no Alt+T, tldraw's hidden white, which on the white canvas paints the selection out of sight
    const { 'toggle-dark-mode': _darkMode, 'select-white-color': _white, ...rest } = actions;
    return rest;
  },
  tools(editor, tools) {
    const next = { ...tools };
    for (const entry of representationTools) {
      next[entry.id] = {
        id: entry.id,
        label: entry.label,
        icon: <ToolIcon path={entry.icon} />,
        kbd: entry.kbd,
        onSelect: (source) => {
          editor.setCurrentTool(entry.id);
          keysToCanvas(editor, source);
        },
      };
    }
    // tldraw's own shape tools make their shapes on Enter too (keyboard/keyboardDrawing.ts)
    for (const [id, tool] of Object.entries(next)) {
      if (!KEYBOARD_DRAWN_TOOLS.has(id) && tool.meta?.geo === undefined) continue;
      next[id] = {
        ...tool,
        onSelect: (source) => {
          tool.onSelect(source);
          keysToCanvas(editor, source);
        },
      };
    }
    return next;
  },
};

// tldraw's default toolbar shows 8 items at most and moves the rest to an overflow menu: room for ours too.
const DEFAULT_MAX_ITEMS = 8;
const DEFAULT_MAX_SIZE_PX = 470;
const TOOL_BUTTON_PX = 40;

/**
 * tldraw's toolbar with the representation tools right after the basic ones (select, hand, draw, eraser),
 * so they stay in the main toolbar instead of the overflow menu on a laptop screen.
 */
export function MathToolbar() {
  // Every editable canvas has this toolbar: the one place that runs on each of them, inside the editor.
  useKeyboardStaysOnCanvas();
  useKeyboardDrawing();
  const extra = representationTools.length;
  return (
    <>
      {/* drawn in the editor's front layer (a portal), not in the toolbar's row */}
      <PenModeSwitch />
      <DefaultToolbar
        maxItems={DEFAULT_MAX_ITEMS + extra}
        maxSizePx={DEFAULT_MAX_SIZE_PX + extra * TOOL_BUTTON_PX}
      >
        <SelectToolbarItem />
        <HandToolbarItem />
        <DrawToolbarItem />
        <EraserToolbarItem />
        {representationTools.map((entry) => (
          <ToolbarItem key={entry.id} tool={entry.id} />
        ))}
        <ArrowToolbarItem />
        <TextToolbarItem />
        <NoteToolbarItem />
        <AssetToolbarItem />
        <RectangleToolbarItem />
        <EllipseToolbarItem />
        <TriangleToolbarItem />
        <DiamondToolbarItem />
        <HexagonToolbarItem />
        <OvalToolbarItem />
        <RhombusToolbarItem />
        <StarToolbarItem />
        <CloudToolbarItem />
        <HeartToolbarItem />
        <XBoxToolbarItem />
        <CheckBoxToolbarItem />
        <ArrowLeftToolbarItem />
        <ArrowUpToolbarItem />
        <ArrowDownToolbarItem />
        <ArrowRightToolbarItem />
        <LineToolbarItem />
        <HighlightToolbarItem />
        <LaserToolbarItem />
        <FrameToolbarItem />
      </DefaultToolbar>
    </>
  );
}

/**
 * The board's tldraw components with the math toolbar in place of tldraw's toolbar, and its shortcuts dialog
 * listing the math tools and the canvas's keyboard paths too.
 */
export function withMathToolbar<C extends TLComponents>(components: C): C & TLComponents {
  return { ...components, Toolbar: MathToolbar, KeyboardShortcutsDialog };
}
