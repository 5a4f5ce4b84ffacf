import {
  DefaultKeyboardShortcutsDialog,
  DefaultKeyboardShortcutsDialogContent,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  TldrawUiMenuToolItem,
  type TLUiKeyboardShortcutsDialogProps,
} from 'tldraw';
import { representationTools } from '../shapes/representationTools.js';

/** Keys this app adds to tldraw's, as "what" and "which keys" (tldraw's kbd notation; [[ ]] is one key's name). */
const BOARD_KEYS: Array<{ id: string; label: string; kbd: string }> = [
  { id: 'kbd-edit', label: 'Write in or edit the selected shape', kbd: '[[Enter]]' },
  { id: 'kbd-critique', label: 'Critique the selected shape', kbd: 'shift+c' },
  { id: 'kbd-place', label: 'Place the chosen shape, note or text', kbd: '[[Enter]]' },
  { id: 'kbd-pen', label: 'Pen, line or arrow: put the pen down, lift it', kbd: '[[Enter]]' },
  { id: 'kbd-pen-move', label: 'Draw with the pen down (Shift: long steps)', kbd: '[[Arrow keys]]' },
  { id: 'kbd-pen-back', label: 'Take back the stroke being drawn', kbd: '[[Esc]]' },
  { id: 'kbd-join', label: 'Arrow tool: join the two selected shapes', kbd: '[[Enter]]' },
  { id: 'kbd-resize', label: 'Resize the selection', kbd: 'alt+shift+[[Arrow keys]]' },
];

const nothing = () => {};

/**
 * tldraw's keyboard shortcuts dialog (Ctrl+Alt+/, or the main menu's Help) with what this app adds: the math
 * tools' shortcuts and the canvas's keyboard paths (drawing, placing, joining, resizing, critique), so a
 * keyboard user can find them where tldraw's own are listed.
 */
export function KeyboardShortcutsDialog(props: TLUiKeyboardShortcutsDialogProps) {
  return (
    <DefaultKeyboardShortcutsDialog {...props}>
      <TldrawUiMenuGroup label="Math" id="math">
        {representationTools.map((tool) => (
          <TldrawUiMenuToolItem key={tool.id} toolId={tool.id} />
        ))}
      </TldrawUiMenuGroup>
      <TldrawUiMenuGroup label="On the board, by keyboard" id="board-keys">
        {BOARD_KEYS.map((entry) => (
          <TldrawUiMenuItem key={entry.id} {...entry} onSelect={nothing} />
        ))}
      </TldrawUiMenuGroup>
      <DefaultKeyboardShortcutsDialogContent />
    </DefaultKeyboardShortcutsDialog>
  );
}
