import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import './discussion.css';
import {
  isolated,
  LINK_KINDS,
  linkLabel,
  moveStep,
  RATIONALE_CHOICES,
  RATIONALE_LABELS,
  withoutDanglingLinks,
  type FitOptions,
  type LinkKind,
  type PlanInput,
  type PlanStep,
  type Snapshot,
  type SnapshotSummary,
} from '@conjecture/shared';
import type { ClassSocket } from '../classroom/useClassSocket.js';
import { Button } from '../ui/Button.js';
import { IconButton } from '../ui/IconButton.js';
import { Select } from '../ui/Select.js';
import { TextField } from '../ui/TextField.js';
import { getSnapshot } from './discussionApi.js';
import { ArrowDownIcon, ArrowUpIcon, GripIcon, TrashIcon } from '../ui/icons.js';
import { linkableItems, snapshotLabel } from './itemLabel.js';
import { LazySnapshotView } from './lazySnapshots.js';
import { SnapshotThumbnail } from './SnapshotThumbnail.js';
import { thumbnailDesign } from '../thumbnails/thumbnailDesign.js';
import { useTeacherDiscussion } from './useTeacherDiscussion.js';
import { FollowControl } from './FollowControl.js';
import { QuestionTypeBadge } from './QuestionTypeBadge.js';
import type { TypedQuestion } from './useTeacherDiscussion.js';
import { Written } from '../ui/Written.js';

const THUMBNAIL_FIT: FitOptions = { paddingPx: 8, maxZoom: 1 };
const TEACHER = { teacher: true } as const;
const newId = () => crypto.randomUUID().slice(0, 12);
const timeOf = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const KIND_LABELS: Record<LinkKind, string> = {
  'same-quantity': 'Same quantity',
  'same-relationship': 'Same relationship',
  'different-representation': 'Different representation of …',
  other: 'Other (say what)',
};

/** A snapshot's records, once fetched (snapshots never change, so the fetch is cached). */
function useSnapshot(classId: string, snapshotId: string | null): Snapshot | null {
  const [snapshot, setSnapshot] = useState<Snapshot | null>(null);
  useEffect(() => {
    setSnapshot(null);
    if (!snapshotId) return;
    let live = true;
    getSnapshot(classId, snapshotId, TEACHER).then(
      (s) => live && setSnapshot(s),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [classId, snapshotId]);
  return snapshot;
}

function Thumbnail({
  classId,
  snapshotId,
  licenseKey,
}: {
  classId: string;
  snapshotId: string;
  licenseKey: string | null;
}) {
  const snapshot = useSnapshot(classId, snapshotId);
  if (!snapshot) return <div className="board-message">Loading…</div>;
  const label = snapshotLabel(snapshot);
  // A read-only tldraw editor per snapshot, as before, only where `pnpm bench:gallery` asks for it.
  if (thumbnailDesign() !== 'editor')
    return <SnapshotThumbnail snapshot={snapshot} label={label} fit={THUMBNAIL_FIT} />;
  return (
    <Suspense fallback={<div className="board-message">Loading…</div>}>
      <LazySnapshotView snapshot={snapshot} label={label} licenseKey={licenseKey} fit={THUMBNAIL_FIT} />
    </Suspense>
  );
}

interface PanelProps {
  classId: string;
  socket: ClassSocket | null;
  signedIn: boolean;
  licenseKey: string | null;
}

/**
 * Select, sequence, connect, present: the lesson's snapshots, the discussion plan made from them (each step
 * with a rationale and a purposeful question, reordered with the buttons or by dragging), the links between
 * items of two snapshots, and the controls that walk the projector through the plan.
 */
export function DiscussionPanel({ classId, socket, signedIn, licenseKey }: PanelProps) {
  const d = useTeacherDiscussion(classId, socket, signedIn);
  const latest = useRef(d.draft);
  latest.current = d.draft;
  const plan = d.draft ?? { steps: [], links: [] };
  const byId = new Map(d.snapshots.map((s) => [s.snapshotId, s]));
  const inPlan = new Set(plan.steps.map((s) => s.snapshotId));

  const addStep = (snapshotId: string) =>
    d.save({
      ...plan,
      steps: [
        ...plan.steps,
        { stepId: newId(), snapshotId, rationale: { choice: null, text: '' }, question: '' },
      ],
    });
  const editStep = (index: number, patch: Partial<PlanStep>, saveNow: boolean) => {
    const next = { ...plan, steps: plan.steps.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
    if (saveNow) d.save(next);
    else d.setDraft(next);
  };
  const saveText = () => latest.current && d.save(latest.current);
  const move = (from: number, to: number) => d.save({ ...plan, steps: moveStep(plan.steps, from, to) });

  return (
    <section className="discussion stack" aria-label="Discussion">
      <h2>Snapshots</h2>
      {d.error && <p role="alert">{d.error}</p>}
      {d.snapshots.length === 0 ? (
        <p className="muted">
          No snapshots yet: take one with the camera on a group's row in the chart above, from its card in the
          live lesson, or from an opened board.
        </p>
      ) : (
        <ul className="snapshot-gallery" aria-label="Snapshots of this lesson">
          {d.snapshots.map((s) => (
            <li key={s.snapshotId} className="snapshot-card" data-testid={`snapshot-${s.title}`}>
              <div className="snapshot-card__image">
                <Thumbnail classId={classId} snapshotId={s.snapshotId} licenseKey={licenseKey} />
              </div>
              <div className="snapshot-card__meta">
                <strong>
                  <Written>{s.title}</Written>
                </strong>
                <span className="muted">
                  {[
                    ...(s.groupName === s.title ? [] : [s.groupName]),
                    timeOf(s.takenAt),
                    `${s.shapeCount} ${s.shapeCount === 1 ? 'item' : 'items'}`,
                  ].join(' · ')}
                </span>
              </div>
              <Button size="sm" disabled={inPlan.has(s.snapshotId)} onClick={() => addStep(s.snapshotId)}>
                {inPlan.has(s.snapshotId) ? 'In the plan' : 'Add to the plan'}
              </Button>
            </li>
          ))}
        </ul>
      )}

      <h2>Discussion plan</h2>
      {plan.steps.length === 0 ? (
        <p className="muted">Add snapshots in the order the class should discuss them.</p>
      ) : (
        <PlanSteps
          plan={plan}
          byId={byId}
          typed={d.typed}
          onMove={move}
          onEdit={editStep}
          onBlurText={saveText}
          onRemove={(index) =>
            d.save(withoutDanglingLinks({ ...plan, steps: plan.steps.filter((_, i) => i !== index) }))
          }
        />
      )}
      {plan.steps.length >= 2 && <LinkEditor classId={classId} plan={plan} byId={byId} onSave={d.save} />}
      {plan.steps.length > 0 && (
        <PresentControls
          presenting={d.presenting}
          steps={plan.steps.length}
          busy={d.saving}
          onPresent={d.present}
        />
      )}
      <FollowControl classId={classId} socket={socket} snapshots={d.snapshots} />
    </section>
  );
}

function PlanSteps({
  plan,
  byId,
  typed,
  onMove,
  onEdit,
  onBlurText,
  onRemove,
}: {
  plan: PlanInput;
  byId: Map<string, SnapshotSummary>;
  typed: Record<string, TypedQuestion>;
  onMove: (from: number, to: number) => void;
  onEdit: (index: number, patch: Partial<PlanStep>, saveNow: boolean) => void;
  onBlurText: () => void;
  onRemove: (index: number) => void;
}) {
  const [dragged, setDragged] = useState<number | null>(null);
  return (
    <ol className="plan-steps" aria-label="Steps of the discussion">
      {plan.steps.map((step, i) => {
        const s = byId.get(step.snapshotId);
        const name = `step ${i + 1}`;
        return (
          <li
            key={step.stepId}
            className="plan-step"
            data-testid={`plan-step-${i + 1}`}
            data-dragging={dragged === i || undefined}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.effectAllowed = 'move';
              setDragged(i);
            }}
            onDragOver={(e) => dragged !== null && e.preventDefault()}
            onDrop={(e) => {
              e.preventDefault();
              if (dragged !== null && dragged !== i) onMove(dragged, i);
              setDragged(null);
            }}
            onDragEnd={() => setDragged(null)}
          >
            <div className="plan-step__head">
              <GripIcon aria-hidden className="plan-step__grip" />
              <strong>
                {i + 1}. {s ? <Written>{s.title}</Written> : 'Snapshot'}
              </strong>
              {s && s.groupName !== s.title && <span className="muted">{s.groupName}</span>}
              <span className="plan-step__tools">
                <IconButton
                  label={`Move ${name} up`}
                  icon={<ArrowUpIcon />}
                  variant="secondary"
                  disabled={i === 0}
                  onClick={() => onMove(i, i - 1)}
                />
                <IconButton
                  label={`Move ${name} down`}
                  icon={<ArrowDownIcon />}
                  variant="secondary"
                  disabled={i === plan.steps.length - 1}
                  onClick={() => onMove(i, i + 1)}
                />
                <IconButton
                  label={`Remove ${name}`}
                  icon={<TrashIcon />}
                  variant="danger"
                  onClick={() => onRemove(i)}
                />
              </span>
            </div>
            <div className="plan-step__fields">
              <label className="ui-label" htmlFor={`why-${step.stepId}`}>
                Why here
              </label>
              <Select
                id={`why-${step.stepId}`}
                aria-label={`Rationale for ${name}`}
                value={step.rationale.choice ?? ''}
                onChange={(e) =>
                  onEdit(
                    i,
                    {
                      rationale: {
                        ...step.rationale,
                        choice: (e.target.value || null) as PlanStep['rationale']['choice'],
                      },
                    },
                    true,
                  )
                }
              >
                <option value="">Choose a reason…</option>
                {RATIONALE_CHOICES.map((c) => (
                  <option key={c} value={c}>
                    {RATIONALE_LABELS[c]}
                  </option>
                ))}
              </Select>
              <TextField
                className="plan-step__notes"
                label={`Notes for ${name}`}
                hideLabel
                placeholder="Your notes (not shown on the projector)"
                value={step.rationale.text}
                maxLength={500}
                onChange={(e) => onEdit(i, { rationale: { ...step.rationale, text: e.target.value } }, false)}
                onBlur={onBlurText}
              />
              {/* Whole, however long: the question is what the teacher will say, so it wraps, never scrolls. */}
              <TextField
                className="plan-step__question"
                label="Question"
                aria-label={`Question for ${name}`}
                multiline
                rows={1}
                placeholder="A purposeful question to ask (shown on the projector)"
                value={step.question}
                maxLength={300}
                onChange={(e) => onEdit(i, { question: e.target.value.replace(/\n/g, ' ') }, false)}
                // one line on the projector: Enter ends the question as it does in a one-line field
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    e.currentTarget.blur();
                  }
                }}
                onBlur={onBlurText}
              />
              <QuestionTypeBadge question={step.question} typed={typed[step.stepId]} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function LinkEditor({
  classId,
  plan,
  byId,
  onSave,
}: {
  classId: string;
  plan: PlanInput;
  byId: Map<string, SnapshotSummary>;
  onSave: (plan: PlanInput) => void;
}) {
  const [fromId, setFromId] = useState(plan.steps[0]?.snapshotId ?? '');
  const [toId, setToId] = useState(plan.steps[1]?.snapshotId ?? '');
  const [fromShape, setFromShape] = useState('');
  const [toShape, setToShape] = useState('');
  const [kind, setKind] = useState<LinkKind>('same-quantity');
  const [text, setText] = useState('');
  const from = useSnapshot(classId, fromId || null);
  const to = useSnapshot(classId, toId || null);
  const fromItems = from ? linkableItems(from.records) : [];
  const toItems = to ? linkableItems(to.records) : [];
  const titleOf = (id: string) => byId.get(id)?.title ?? id;
  const needsText = kind === 'different-representation' || kind === 'other';
  const ready = fromId && toId && fromId !== toId && fromShape && toShape && (!needsText || text.trim());
  const stepOptions = plan.steps.map((s, i) => (
    <option key={s.snapshotId} value={s.snapshotId}>
      {i + 1}. {titleOf(s.snapshotId)}
    </option>
  ));
  const itemOf = (snapshotId: string, shapeId: string) =>
    (snapshotId === fromId ? fromItems : toItems).find((i) => i.shapeId === shapeId)?.label ?? shapeId;

  return (
    <div className="link-editor stack">
      <h3>Connect items across snapshots</h3>
      <ItemPicker
        ordinal="first"
        stepOptions={stepOptions}
        snapshotId={fromId}
        onSnapshot={(id) => (setFromId(id), setFromShape(''))}
        items={fromItems}
        shapeId={fromShape}
        onShape={setFromShape}
      />
      <ItemPicker
        ordinal="second"
        stepOptions={stepOptions}
        snapshotId={toId}
        onSnapshot={(id) => (setToId(id), setToShape(''))}
        items={toItems}
        shapeId={toShape}
        onShape={setToShape}
      />
      <div className="link-editor__row">
        <span className="link-editor__label" aria-hidden="true">
          Linked
        </span>
        <Select
          aria-label="How they are linked"
          value={kind}
          onChange={(e) => setKind(e.target.value as LinkKind)}
        >
          {LINK_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </Select>
        <TextField
          label="Link words"
          hideLabel
          placeholder={needsText ? 'Say what (required)' : 'More words (optional)'}
          value={text}
          maxLength={120}
          onChange={(e) => setText(e.target.value)}
        />
        <Button
          disabled={!ready}
          onClick={() => {
            onSave({
              ...plan,
              links: [
                ...plan.links,
                {
                  linkId: newId(),
                  from: { snapshotId: fromId, shapeId: fromShape },
                  to: { snapshotId: toId, shapeId: toShape },
                  kind,
                  text: text.trim(),
                },
              ],
            });
            setText('');
          }}
        >
          Add link
        </Button>
      </div>
      {fromId === toId && <p className="muted">Choose two different snapshots.</p>}
      {plan.links.length > 0 && (
        <ul className="plan-links" aria-label="Links">
          {plan.links.map((l) => (
            <li key={l.linkId} data-testid="plan-link">
              <span>
                {titleOf(l.from.snapshotId)} · {itemOf(l.from.snapshotId, l.from.shapeId)} →{' '}
                {titleOf(l.to.snapshotId)} · {itemOf(l.to.snapshotId, l.to.shapeId)}:{' '}
                <strong>{linkLabel(l)}</strong>
              </span>
              <IconButton
                label={`Remove the link “${isolated(linkLabel(l))}”`}
                icon={<TrashIcon />}
                size="sm"
                variant="danger"
                onClick={() => onSave({ ...plan, links: plan.links.filter((x) => x.linkId !== l.linkId) })}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function PresentControls({
  presenting,
  steps,
  busy,
  onPresent,
}: {
  presenting: number | null;
  steps: number;
  busy: boolean;
  onPresent: (step: number | null) => void;
}) {
  if (presenting === null)
    return (
      <div className="present-controls row">
        <Button variant="primary" disabled={busy} onClick={() => onPresent(0)}>
          Present the plan on the projector
        </Button>
      </div>
    );
  return (
    <div className="present-controls row" role="group" aria-label="Presenting">
      <span data-testid="presenting-step">
        Presenting step {presenting + 1} of {steps}
      </span>
      <Button disabled={presenting === 0} onClick={() => onPresent(presenting - 1)}>
        Previous step
      </Button>
      <Button variant="primary" disabled={presenting >= steps - 1} onClick={() => onPresent(presenting + 1)}>
        Next step
      </Button>
      <Button onClick={() => onPresent(null)}>Stop presenting</Button>
    </div>
  );
}

/** One end of a link: a snapshot of the plan, then an item in it. */
function ItemPicker(props: {
  ordinal: 'first' | 'second';
  stepOptions: ReactNode;
  snapshotId: string;
  onSnapshot: (snapshotId: string) => void;
  items: ReadonlyArray<{ shapeId: string; label: string }>;
  shapeId: string;
  onShape: (shapeId: string) => void;
}) {
  return (
    <div className="link-editor__row">
      {/* a visible word for the row, inside each select's own name (First snapshot, item in the first…) */}
      <span className="link-editor__label" aria-hidden="true">
        {props.ordinal === 'first' ? 'First' : 'Second'}
      </span>
      <Select
        aria-label={`${props.ordinal === 'first' ? 'First' : 'Second'} snapshot`}
        value={props.snapshotId}
        onChange={(e) => props.onSnapshot(e.target.value)}
      >
        {props.stepOptions}
      </Select>
      <Select
        aria-label={`Item in the ${props.ordinal} snapshot`}
        value={props.shapeId}
        onChange={(e) => props.onShape(e.target.value)}
      >
        <option value="">Choose an item…</option>
        {props.items.map((i) => (
          <option key={i.shapeId} value={i.shapeId}>
            {i.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
