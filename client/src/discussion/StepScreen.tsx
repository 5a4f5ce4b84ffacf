import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import './discussion.css';
import { linkLabel, type Box, type PlanLink, type Snapshot } from '@conjecture/shared';
import { snapshotLabel } from './itemLabel.js';
import { SnapshotThumbnail } from './SnapshotThumbnail.js';
import { Written } from '../ui/Written.js';
import { BOARD_GAP_PX, STEP_FIT } from '../projector/projectorFit.js';
import { useBoardArrangement } from '../projector/useBoardArrangement.js';
import { spansRow, WHOLE_ROW } from '../projector/boardArrangement.js';
import { linkEnd } from '../projector/linkEnd.js';
import { MoreBeyondCues, useMoreBeyond } from '../projector/MoreBeyondCues.js';

/** The snapshot's title, and its group when the title does not already say it. */
/** The teacher's caption and the group's name, each isolated: neither can reorder the other. */
const captionOf = (s: Snapshot) =>
  s.title === s.groupName ? (
    <Written>{s.title}</Written>
  ) : (
    <>
      <Written>{s.title}</Written> · <Written>{s.groupName}</Written>
    </>
  );

interface Connector {
  link: PlanLink;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

export interface StepScreenProps {
  /** "Step 2 of 4", or a snapshot's title. */
  caption: string;
  question: string;
  snapshotIds: readonly string[];
  links: readonly PlanLink[];
  /** Where the snapshots come from (the projector fetches them; a following student has them already). */
  loadSnapshot: (snapshotId: string) => Promise<Snapshot>;
  testId: string;
  /** The step's number, for tests and styles (none for a lone snapshot). */
  step?: number;
  /**
   * The snapshot the step is about, named in the header when the step asks no question: "Step 2 of 2" alone
   * did not tell the class whose work it was looking at.
   */
  subjectId?: string;
}

/**
 * What a step of the discussion shows — on the projector, and on every student's screen while they follow
 * the teacher: its question, its snapshot and the earlier snapshots it is linked to side by side, and each
 * link drawn as a labelled connector from an item of one to an item of the other, measured from where each
 * view draws the item. The snapshots are drawn as SVG from their records (`SnapshotThumbnail`), as the
 * gallery draws them: thirty Chromebooks following the teacher mount no tldraw editor for a step.
 */
export function StepScreen({
  caption,
  question,
  snapshotIds,
  links,
  loadSnapshot,
  testId,
  step,
  subjectId,
}: StepScreenProps) {
  const ids = snapshotIds.join(',');
  // Callers build new arrays every render: the measuring effect keys on their content instead.
  const linksKey = JSON.stringify(links);
  const [snapshots, setSnapshots] = useState<Record<string, Snapshot>>({});
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    for (const id of ids ? ids.split(',') : [])
      loadSnapshot(id).then(
        (s) => setSnapshots((known) => (known[id] ? known : { ...known, [id]: s })),
        (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)),
      );
  }, [ids, loadSnapshot]);

  const subject = subjectId ? snapshots[subjectId] : undefined;
  // Arranged as the live boards are: three long snapshots side by side were three slivers too narrow to read.
  const { arrangement, onContentBounds, gridRef } = useBoardArrangement(snapshotIds, STEP_FIT, BOARD_GAP_PX);
  const [layout, setLayout] = useState(0);
  const onLayout = useCallback(() => setLayout((n) => n + 1), []);
  const overlay = useRef<HTMLDivElement | null>(null);
  const cellsRef = useCallback(
    (element: HTMLDivElement | null) => {
      overlay.current = element;
      gridRef(element);
    },
    [gridRef],
  );
  const [connectors, setConnectors] = useState<Connector[]>([]);
  useLayoutEffect(() => {
    const cells = overlay.current;
    const box = cells?.getBoundingClientRect();
    if (!cells || !box) return setConnectors([]);
    const order = ids.split(',');
    const measured: Connector[] = [];
    for (const link of JSON.parse(linksKey) as PlanLink[]) {
      const ends = [link.from, link.to].map((end) => {
        const item = cells.querySelector(
          `[data-snapshot-id="${CSS.escape(end.snapshotId)}"] g[data-shape-id="${CSS.escape(end.shapeId)}"]`,
        );
        const bounds = item?.getBoundingClientRect();
        const shownIn = item?.closest('.projector-cell')?.getBoundingClientRect();
        return bounds && shownIn ? { bounds, shownIn, cell: order.indexOf(end.snapshotId) } : null;
      });
      const [a, b] = ends;
      if (!a || !b) continue;
      // From the facing sides of the two items (the right side of the one on the left, and so on), each end
      // kept in the cell that shows it: an item cut off below ends the connector at "More below".
      const point = (end: NonNullable<typeof a>, facesRight: boolean) => {
        const at = linkEnd(end.bounds, end.shownIn, facesRight);
        return { x: at.x - box.left, y: at.y - box.top };
      };
      measured.push({ link, from: point(a, a.cell < b.cell), to: point(b, b.cell < a.cell) });
    }
    setConnectors(measured);
    // `layout` counts the drawings and fits: a resize or a newly drawn snapshot measures again.
  }, [layout, linksKey, ids]);

  return (
    <div className="presented-step" data-testid={testId} data-step={step}>
      <header className="presented-step__header">
        <span className="presented-step__count">{caption}</span>
        {question ? (
          <p className="presented-step__question" data-testid="step-question">
            <Written>{question}</Written>
          </p>
        ) : (
          subject && (
            <p className="presented-step__question" data-testid="step-subject">
              {captionOf(subject)}
            </p>
          )
        )}
      </header>
      <div
        className="presented-step__cells"
        ref={cellsRef}
        data-count={snapshotIds.length}
        data-columns={arrangement.columns}
        style={{
          gridTemplateColumns: `repeat(${arrangement.columns}, 1fr)`,
          gridTemplateRows: `repeat(${arrangement.rows}, 1fr)`,
        }}
      >
        {snapshotIds.map((id, index) => (
          <StepCell
            key={id}
            wholeRow={spansRow(arrangement, index, snapshotIds.length)}
            snapshot={snapshots[id]}
            message={failure ?? 'Loading…'}
            onLayout={onLayout}
            onContentBounds={onContentBounds(id)}
          />
        ))}
        <svg className="presented-step__links" aria-hidden>
          <defs>
            <marker
              id="link-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerWidth="8"
              markerHeight="8"
              orient="auto"
            >
              <path d="M0 0 10 5 0 10z" fill="currentColor" />
            </marker>
          </defs>
          {connectors.map(({ link, from, to }) => (
            <line
              key={link.linkId}
              x1={from.x}
              y1={from.y}
              x2={to.x}
              y2={to.y}
              markerEnd="url(#link-arrow)"
            />
          ))}
        </svg>
        {connectors.map(({ link, from, to }) => (
          <span
            key={link.linkId}
            className="presented-step__label"
            data-testid="link-label"
            style={{ left: (from.x + to.x) / 2, top: (from.y + to.y) / 2 }}
          >
            {linkLabel(link)}
          </span>
        ))}
      </div>
    </div>
  );
}

/** One snapshot of a step: its caption over its work, and "More below" or "More to the right" when it goes on. */
function StepCell({
  snapshot,
  message,
  onLayout,
  onContentBounds,
  wholeRow,
}: {
  snapshot: Snapshot | undefined;
  message: string;
  onLayout: () => void;
  onContentBounds: (bounds: Box | null) => void;
  wholeRow: boolean;
}) {
  const [more, setMore] = useMoreBeyond();
  return (
    <div className="projector-cell" style={wholeRow ? WHOLE_ROW : undefined}>
      <div className="projector-caption">{snapshot ? captionOf(snapshot) : ''}</div>
      {snapshot ? (
        <SnapshotThumbnail
          snapshot={snapshot}
          label={snapshotLabel(snapshot)}
          fit={STEP_FIT}
          onLayout={onLayout}
          onContentBounds={onContentBounds}
          onMoreBeyond={setMore}
        />
      ) : (
        <div className="board-message">{message}</div>
      )}
      <MoreBeyondCues more={more} />
    </div>
  );
}
