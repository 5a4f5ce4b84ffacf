import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import './discussion.css';
import {
  linkLabel,
  stepView,
  type DiscussionPlan,
  type FitOptions,
  type PlanLink,
  type Snapshot,
} from '@conjecture/shared';
import type { ClassAuth } from '../api/http.js';
import { getSnapshot } from './discussionApi.js';
import { SnapshotView } from './SnapshotView.js';

/** Side by side, each snapshot's work fills its cell, clear of its caption. */
const STEP_FIT: FitOptions = { paddingPx: 32, maxZoom: 3, insets: { top: 36 } };

/** The snapshot's title, and its group when the title does not already say it. */
const captionOf = (s: Snapshot) => (s.title === s.groupName ? s.title : `${s.title} · ${s.groupName}`);

interface Connector {
  link: PlanLink;
  from: { x: number; y: number };
  to: { x: number; y: number };
}

/**
 * One step of the discussion plan on the projector: its question, its snapshot and the earlier snapshots it
 * is linked to side by side, and each link drawn as a labelled connector from an item of one to an item of
 * the other, measured from where each editor draws the item.
 */
export function PresentedStep({
  classId,
  plan,
  auth,
  licenseKey,
}: {
  classId: string;
  plan: DiscussionPlan;
  auth: ClassAuth;
  licenseKey: string | null;
}) {
  const view = plan.presenting === null ? undefined : stepView(plan, plan.presenting);
  const ids = view?.snapshotIds.join(',') ?? '';
  // stepView builds new arrays every render: the measuring effect keys on their content instead.
  const linksKey = JSON.stringify(view?.links ?? []);
  const [snapshots, setSnapshots] = useState<Record<string, Snapshot>>({});
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    for (const id of ids ? ids.split(',') : [])
      getSnapshot(classId, id, auth).then(
        (s) => setSnapshots((known) => (known[id] ? known : { ...known, [id]: s })),
        (e: unknown) => setFailure(e instanceof Error ? e.message : String(e)),
      );
  }, [classId, ids, auth]);

  const editors = useRef(new Map<string, Editor>());
  const [layout, setLayout] = useState(0);
  const onLayout = useCallback((snapshotId: string, editor: Editor) => {
    editors.current.set(snapshotId, editor);
    setLayout((n) => n + 1);
  }, []);
  const overlay = useRef<HTMLDivElement>(null);
  const [connectors, setConnectors] = useState<Connector[]>([]);
  useLayoutEffect(() => {
    const box = overlay.current?.getBoundingClientRect();
    if (!view || !box) return setConnectors([]);
    const order = view.snapshotIds;
    const measured: Connector[] = [];
    for (const link of view.links) {
      const ends = [link.from, link.to].map((end) => {
        const editor = editors.current.get(end.snapshotId);
        const bounds = editor?.getShapePageBounds(end.shapeId as never);
        return editor && bounds ? { editor, bounds, cell: order.indexOf(end.snapshotId) } : null;
      });
      const [a, b] = ends;
      if (!a || !b) continue;
      // From the facing sides of the two items: the right side of the one on the left, and so on.
      const point = (end: NonNullable<typeof a>, facesRight: boolean) => {
        const p = end.editor.pageToScreen({
          x: facesRight ? end.bounds.maxX : end.bounds.minX,
          y: end.bounds.midY,
        });
        return { x: p.x - box.left, y: p.y - box.top };
      };
      measured.push({ link, from: point(a, a.cell < b.cell), to: point(b, b.cell < a.cell) });
    }
    setConnectors(measured);
    // `layout` counts the fits: a resize or a newly drawn snapshot measures again.
  }, [layout, linksKey, ids]);

  if (!view) return null;
  return (
    <div className="presented-step" data-testid="presented-step" data-step={view.index + 1}>
      <header className="presented-step__header">
        <span className="presented-step__count">
          Step {view.index + 1} of {plan.steps.length}
        </span>
        {view.step.question && (
          <p className="presented-step__question" data-testid="step-question">
            {view.step.question}
          </p>
        )}
      </header>
      <div className="presented-step__cells" ref={overlay} data-count={view.snapshotIds.length}>
        {view.snapshotIds.map((id) => {
          const snapshot = snapshots[id];
          return (
            <div className="projector-cell" key={id}>
              <div className="projector-caption">{snapshot ? captionOf(snapshot) : ''}</div>
              {snapshot ? (
                <SnapshotView
                  snapshot={snapshot}
                  label={`Snapshot ${snapshot.title}`}
                  licenseKey={licenseKey}
                  fit={STEP_FIT}
                  onLayout={(editor) => onLayout(id, editor)}
                />
              ) : (
                <div className="board-message">{failure ?? 'Loading…'}</div>
              )}
            </div>
          );
        })}
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
