import 'tldraw/tldraw.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  createShapeId,
  toRichText,
  Tldraw,
  type Editor,
  type TLAsset,
  type TLBinding,
  type TLShape,
} from 'tldraw';
import { ApiRequestError } from '../api/http.js';
import { serverAssetStore } from '../sync/assetStore.js';
import { editableCanvasProps } from '../components/tldrawSetup.js';
import { keepLinksLocal } from '../components/localLinks.js';
import { keepShapesInSight } from '../components/keepShapesInSight.js';
import { keepTextReadable } from '../components/keepTextReadable.js';
import { withMathToolbar } from '../shapes/mathToolbar.js';
import { debugEnabled } from '../debug.js';
import { getTemplate, placeTemplate } from './templateApi.js';
import {
  fromTemplateRecords,
  toTemplateRecords,
  type TemplateAsset,
  type TemplateBinding,
  type TemplateShape,
} from './templateRecords.js';
import { useCanvasPanelClose } from '../keyboard/useCanvasPanelClose.js';
import { Button } from '../ui/Button.js';
import { useUiAfterCanvas } from '../components/useUiAfterCanvas.js';

// The group board's math toolbar: a template can hold an equation, a table or a number line to start from.
const templateComponents = withMathToolbar({});

declare global {
  interface Window {
    /** The teacher's template canvas (tests, support). */
    __conjectureTemplate?: { editor: Editor };
  }
}

interface TemplateEditorProps {
  classId: string;
  taskPrompt: string;
  licenseKey: string | null;
  maxAssetBytes: number | null;
  onClose: () => void;
}

type Outcome = { kind: 'placed'; records: number } | { kind: 'problems'; lines: string[] } | null;

/**
 * The teacher composes the task template on a canvas of their own: an in-memory tldraw editor, synced to
 * nobody, with our shapes and the server's asset store (images are uploaded, never inlined). "Place on all
 * group boards" sends it to the server, which places and locks it on every group board.
 */
export function TemplateEditor({
  classId,
  taskPrompt,
  licenseKey,
  maxAssetBytes,
  onClose,
}: TemplateEditorProps) {
  const [editor, setEditor] = useState<Editor | null>(null);
  // Template images belong to the class (the teacher's cookie is the credential).
  const assets = useMemo(() => serverAssetStore({ classId }), [classId]);
  const [loading, setLoading] = useState<string | null>('Loading the current template…');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  // The template as loaded or last placed (serialised): what closing would not lose.
  const placed = useRef<string | null>(null);
  const hasUnplacedWork = () =>
    editor !== null && placed.current !== null && placed.current !== JSON.stringify(templateOf(editor));
  const closing = useCanvasPanelClose(editor, onClose, {
    // The template lives on the canvas until it is placed: closing with changes not yet placed loses them.
    losesWork: hasUnplacedWork,
    title: 'Close without placing the template?',
    confirmLabel: 'Close without placing',
    message: (
      <p>
        Your changes are not on the group boards yet, and closing the template editor loses them. Place them
        on all group boards first to keep them.
      </p>
    ),
  });

  const onMount = useCallback((mounted: Editor) => {
    setEditor(mounted);
    keepLinksLocal(mounted);
    const stopKeepingInSight = keepShapesInSight(mounted);
    const stopKeepingReadable = keepTextReadable(mounted);
    if (debugEnabled()) window.__conjectureTemplate = { editor: mounted };
    return () => {
      stopKeepingInSight();
      stopKeepingReadable();
      setEditor(null);
      if (window.__conjectureTemplate?.editor === mounted) delete window.__conjectureTemplate;
    };
  }, []);

  const deferredUi = useUiAfterCanvas(onMount);
  useEffect(() => {
    if (!editor) return;
    let cancelled = false;
    getTemplate(classId)
      .then(({ records }) => {
        if (cancelled) return;
        const { shapes, assets, bindings } = fromTemplateRecords(records);
        editor.run(() => {
          if (assets.length > 0) editor.createAssets(assets as unknown as TLAsset[]);
          if (shapes.length > 0) editor.createShapes(shapes as unknown as TLShape[]);
          // After the shapes: a binding needs both its ends in the store.
          if (bindings.length > 0) editor.createBindings(bindings as unknown as TLBinding[]);
        });
        if (shapes.length > 0) editor.zoomToFit({ animation: { duration: 0 } });
        placed.current = JSON.stringify(templateOf(editor));
        setLoading(null);
      })
      .catch((error: unknown) => {
        if (cancelled) return;
        placed.current = JSON.stringify(templateOf(editor));
        setLoading(`Cannot load the template: ${messageOf(error)}`);
      });
    return () => {
      cancelled = true;
    };
  }, [editor, classId]);

  const addTaskCard = () => {
    if (!editor) return;
    const { x, y } = editor.getViewportPageBounds().center;
    editor.createShape({
      id: createShapeId(),
      type: 'geo',
      x: x - 200,
      y: y - 80,
      props: {
        geo: 'rectangle',
        w: 400,
        h: 160,
        fill: 'semi',
        color: 'light-blue',
        richText: toRichText(taskPrompt || 'Task'),
      },
    });
  };

  const place = async () => {
    if (!editor || busy) return;
    const serialised = templateOf(editor);
    if (!serialised.ok) return setOutcome({ kind: 'problems', lines: serialised.problems });
    setBusy(true);
    try {
      const { records } = await placeTemplate(classId, serialised.records);
      placed.current = JSON.stringify(serialised);
      setOutcome({ kind: 'placed', records });
    } catch (error) {
      const issues = error instanceof ApiRequestError ? error.issues : [];
      setOutcome({
        kind: 'problems',
        lines: [messageOf(error), ...issues.map((i) => `${i.path.join('.')}: ${i.message}`)],
      });
    } finally {
      setBusy(false);
    }
  };

  // The confirmation beside the editor, not in it: its keys would reach the editor's Escape through the portal.
  return (
    <>
      {closing.confirmation}
      <div
        className="template-editor"
        role="dialog"
        aria-label="Template editor"
        data-testid="template-editor"
        onKeyDownCapture={closing.onKeyDownCapture}
      >
        <div className="template-editor__bar">
          <strong>Task template</strong>
          <span className="muted">Placed and locked on every group board, also on groups made later.</span>
          <Button onClick={addTaskCard} disabled={!editor}>
            Add a task card
          </Button>
          {/* aria-disabled while sending: a disabled button drops the focus on the page's body, where Escape
              and Tab would start again from the top of the dashboard */}
          <Button
            variant="primary"
            onClick={() => void place()}
            disabled={!editor || loading !== null}
            aria-disabled={busy}
          >
            Place on all group boards
          </Button>
          <Button onClick={closing.requestClose}>Close</Button>
        </div>
        {loading && <p role="status">{loading}</p>}
        {outcome?.kind === 'placed' && (
          <p role="status" data-testid="template-placed">
            Placed on every group board ({outcome.records} {outcome.records === 1 ? 'record' : 'records'}).
          </p>
        )}
        {outcome?.kind === 'problems' && (
          <ul role="alert" className="template-editor__problems">
            {outcome.lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <div className="template-editor__canvas">
          <Tldraw
            {...editableCanvasProps(licenseKey, maxAssetBytes)}
            assets={assets}
            {...deferredUi}
            components={templateComponents}
          />
        </div>
      </div>
    </>
  );
}

/** What "Place on all group boards" would send. */
const templateOf = (editor: Editor) =>
  toTemplateRecords(
    editor.getCurrentPageShapes() as unknown as TemplateShape[],
    editor.getAssets() as unknown as TemplateAsset[],
    editor.getCurrentPageId(),
    editor.store.query.records('binding').get() as unknown as TemplateBinding[],
  );

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
