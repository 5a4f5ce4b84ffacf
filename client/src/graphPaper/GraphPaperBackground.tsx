import { useId } from 'react';
import { DefaultBackground, useEditor, useValue } from 'tldraw';
import { graphPaperLines } from './graphPaperGrid.js';
import { useGraphPaperShown } from './graphPaperSetting.js';

/**
 * tldraw's background slot: the plain background, or squared paper that follows the camera. A background
 * layer rather than tldraw's grid mode, which would also snap every shape to the grid. It is not part of
 * any shape, so exports (SVG, PNG) leave it out.
 */
export function GraphPaperBackground() {
  const on = useGraphPaperShown();
  return on ? <GraphPaper /> : <DefaultBackground />;
}

function GraphPaper() {
  const editor = useEditor();
  const camera = useValue('camera', () => editor.getCamera(), [editor]);
  // Two editors may share a page (a student's draft beside the group board): pattern ids must differ.
  const id = useId().replace(/:/g, '');
  const { minorScreenPx, majorScreenPx, offsetX, offsetY } = graphPaperLines(camera);
  const pattern = (name: string, step: number) => (
    <pattern
      id={`${id}-${name}`}
      patternUnits="userSpaceOnUse"
      width={step}
      height={step}
      x={offsetX}
      y={offsetY}
    >
      <path d={`M ${step} 0 L 0 0 0 ${step}`} className={`graph-paper__${name}`} />
    </pattern>
  );
  return (
    <div className="tl-background graph-paper" data-testid="graph-paper">
      <svg width="100%" height="100%" aria-hidden="true">
        <defs>
          {pattern('minor', minorScreenPx)}
          {pattern('major', majorScreenPx)}
        </defs>
        <rect width="100%" height="100%" fill={`url(#${id}-minor)`} />
        <rect width="100%" height="100%" fill={`url(#${id}-major)`} />
      </svg>
    </div>
  );
}
