import { useContext } from 'react';
import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  TldrawUiMenuGroup,
  TldrawUiMenuItem,
  useEditor,
  useValue,
  type TLUiContextMenuProps,
} from 'tldraw';
import { useBoardInsights } from './BoardInsights.js';
import { CritiqueSendContext } from './critiqueCommands.js';

/** tldraw's context menu with "Critique" first when one shape is selected and the viewer may post. */
export function CritiqueContextMenu(props: TLUiContextMenuProps) {
  const editor = useEditor();
  const insights = useBoardInsights();
  const send = useContext(CritiqueSendContext);
  const shapeId = useValue('context menu shape', () => editor.getOnlySelectedShape()?.id ?? null, [editor]);
  return (
    <DefaultContextMenu {...props}>
      {insights && send && shapeId && (
        <TldrawUiMenuGroup id="critique">
          <TldrawUiMenuItem
            id="critique"
            label="Critique"
            kbd="shift+c"
            readonlyOk
            onSelect={() => insights.openThread(shapeId)}
          />
        </TldrawUiMenuGroup>
      )}
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  );
}
