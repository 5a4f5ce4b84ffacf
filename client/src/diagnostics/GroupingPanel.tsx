import { useId, useRef, useState, type DragEvent } from 'react';
import type {
  ClassState,
  DiagnosticRow,
  GroupingPreview,
  GroupingPreviewBody,
  GroupingScore,
} from '@conjecture/shared';
import { ProfileSummary } from './ProfileSummary.js';
import { previewGroups, publishGroups, scoreGroups } from './diagnosticApi.js';
import { moveStudent, withNames, type PairConstraints } from './diagnosticFlow.js';
import { PairConstraintsEditor } from './PairConstraintsEditor.js';
import { ApiRequestError } from '../api/http.js';
import { Button } from '../ui/Button.js';
import { Select, SelectField } from '../ui/Select.js';
import { TextField } from '../ui/TextField.js';
import { GripIcon } from '../ui/icons.js';

type Mode = GroupingPreviewBody['mode'];
const MODES: Array<{ mode: Mode; label: string }> = [
  { mode: 'mix', label: 'Mix (different profiles together)' },
  { mode: 'similar', label: 'Similar (alike profiles together)' },
  { mode: 'misconception', label: 'Around a shared misconception' },
  { mode: 'random', label: 'Random' },
];
const DRAG_TYPE = 'application/x-conjecture-proposed-student';

/** Objectives this close (relative) read as "about as" mixed or alike. */
const SAME_OBJECTIVE = 0.01;

/**
 * The engine's objective (a sum of distances between profiles within groups) means nothing to a teacher as
 * a number: what a hand-made change did to it, in words, for the mode's aim.
 */
export function describeChange(mode: Mode, proposal: number, now: number): string {
  if (mode === 'random') return 'Random groups: any arrangement is as good as another.';
  const aim = mode === 'similar' ? 'alike' : 'mixed';
  const relative = (now - proposal) / Math.max(Math.abs(proposal), 1e-9);
  if (Math.abs(relative) < SAME_OBJECTIVE) return `Your changes keep the groups about as ${aim} as proposed.`;
  // Within-group distance grows as groups mix: "more mixed" when it rises, "more alike" when it falls.
  const more = mode === 'similar' ? relative < 0 : relative > 0;
  return `Your changes make the groups ${more ? 'more' : 'less'} ${aim} than the proposal.`;
}

/** Beside Publish, for a random draw: whether the class will be shown the groups were drawn at random. */
export const drawHint = (movedByHand: boolean): string =>
  movedByHand
    ? 'You moved a student, so these groups will not be shown as drawn at random.'
    : 'If you publish them as drawn, the projector and each student are told these groups were drawn at random.';

/**
 * Proposes groups from the diagnostic profiles, shows why (one line a group, a reason a student), lets the
 * teacher move students between proposed groups (drag, or the select for keyboard and touch), then publishes.
 * After a move the server scores the adjusted groups (the preview carries no feature vectors), and the
 * panel shows the change against the proposal.
 */
export function GroupingPanel({
  classId,
  cls,
  rows = [],
  onPublished,
}: {
  classId: string;
  cls: ClassState;
  /** The diagnostic table: each student's profile, shown beside their name in the proposal. */
  rows?: readonly DiagnosticRow[];
  onPublished: (cls: ClassState) => void;
}) {
  const [mode, setMode] = useState<Mode>('mix');
  const [groupSize, setGroupSize] = useState(4);
  const [seed, setSeed] = useState(1);
  const [preview, setPreview] = useState<GroupingPreview | null>(null);
  const [groups, setGroups] = useState<string[][]>([]);
  const [edited, setEdited] = useState(false);
  /** The groups as adjusted by hand, scored and explained by the server (null while it is computing). */
  const [score, setScore] = useState<GroupingScore | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Why the constraints cannot all be met, as the engine named them (with names for ids). */
  const [conflicts, setConflicts] = useState<string[]>([]);
  const [pairs, setPairs] = useState<PairConstraints>({ keepApart: [], keepTogether: [] });
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState<number | null>(null);
  const proposeHintId = useId();
  const nobodyYet = cls.students.length === 0;
  const nameOf = (id: string) => cls.students.find((s) => s.studentId === id)?.displayName ?? 'Someone';
  const portraitOf = (id: string) => rows.find((r) => r.studentId === id)?.portrait ?? null;
  /** The mode the shown proposal was made in (the select may have changed since). */
  const [proposedMode, setProposedMode] = useState<Mode>('mix');
  const scoring = useRef(0);
  // After a move, the summaries and reasons for the groups as they are now (recomputed by the server);
  // while that is on its way, none rather than the proposal's, which no longer describe them.
  const explanations = !preview ? null : !edited ? preview.explanations : (score?.explanations ?? null);

  const act = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setConflicts([]);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      if (e instanceof ApiRequestError)
        // The issues carry each conflict twice: as a sentence and as its JSON; the sentence is for people.
        setConflicts(
          e.issues
            .map((i) => i.message)
            .filter((m) => !m.startsWith('{'))
            .map((m) =>
              withNames(m, cls.students)
                .replace(/keepApart/g, 'keep apart')
                .replace(/keepTogether/g, 'keep together'),
            ),
        );
    } finally {
      setBusy(false);
    }
  };
  const propose = (nextSeed: number) =>
    act(async () => {
      const proposal = await previewGroups(classId, { mode, groupSize, seed: nextSeed, ...pairs });
      setSeed(nextSeed);
      setProposedMode(mode);
      setPreview(proposal);
      setGroups(proposal.groups);
      setEdited(false);
    });
  // A draw nobody moved is chance, and the class may be shown it; one move makes it the teacher's choice.
  const asDrawn = proposedMode === 'random' && !edited;
  const publish = () =>
    act(async () => {
      onPublished(await publishGroups(classId, groups, { mode: proposedMode, ...pairs, asDrawn }));
      setPreview(null);
    });
  const move = (studentId: string, to: number) => {
    const next = moveStudent(groups, studentId, to);
    if (next === groups) return;
    setEdited(true);
    setGroups(next);
    setScore(null);
    const ticket = ++scoring.current;
    scoreGroups(classId, next, proposedMode).then(
      // Only the answer for the latest arrangement: an earlier move's may arrive after it.
      (r) => ticket === scoring.current && setScore(r),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  const onDrop = (event: DragEvent, to: number) => {
    event.preventDefault();
    setOver(null);
    move(event.dataTransfer.getData(DRAG_TYPE), to);
  };

  return (
    <section className="grouping" aria-label="Propose groups">
      <h2>Propose groups</h2>
      <div className="grouping-controls">
        <SelectField label="Mode" value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
          {MODES.map((m) => (
            <option key={m.mode} value={m.mode}>
              {m.label}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Group size"
          className="grouping-size"
          type="number"
          min={2}
          max={8}
          value={groupSize}
          onChange={(e) => setGroupSize(Math.min(8, Math.max(2, Number(e.target.value) || 2)))}
        />
        <Button
          variant="primary"
          disabled={busy || nobodyYet}
          aria-describedby={nobodyYet ? proposeHintId : undefined}
          onClick={() => void propose(seed)}
        >
          Propose
        </Button>
        {/* a greyed-out Propose says what it waits for, as the student's diagnostic "Next" does */}
        {nobodyYet && (
          <p id={proposeHintId} className="ui-hint grouping-controls__hint" data-testid="propose-hint">
            Waiting for students: groups are proposed from those who have joined.
          </p>
        )}
        {preview && (
          <Button disabled={busy} onClick={() => void propose(seed + 1)}>
            Another proposal
          </Button>
        )}
      </div>
      <PairConstraintsEditor cls={cls} pairs={pairs} onChange={setPairs} />
      {error && (
        <div role="alert">
          <p>{error}</p>
          {conflicts.length > 0 && (
            <ul aria-label="Conflicting constraints">
              {conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {preview && (
        <>
          <p className="muted" data-testid="grouping-change">
            {edited &&
              (score === null
                ? 'Updating the summaries for your changes… '
                : `${describeChange(proposedMode, preview.objective, score.objective)} `)}
            Drag a student to another group to adjust.
          </p>
          <ol className="proposed-groups">
            {groups.map((members, index) => (
              <li
                key={index}
                className="proposed-group"
                data-testid={`proposed-group-${index + 1}`}
                data-drop-target={String(over === index)}
                onDragOver={(e) => {
                  e.preventDefault();
                  e.dataTransfer.dropEffect = 'move';
                  setOver(index);
                }}
                onDragLeave={() => setOver((o) => (o === index ? null : o))}
                onDrop={(e) => onDrop(e, index)}
              >
                <h3>Group {index + 1}</h3>
                {explanations?.groups[index] && (
                  <p className="muted" data-testid={`group-summary-${index + 1}`}>
                    {explanations.groups[index]}
                  </p>
                )}
                <ul>
                  {members.map((id) => (
                    <li
                      key={id}
                      className="proposed-member"
                      draggable
                      data-testid={`proposed-${nameOf(id)}`}
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, id);
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                    >
                      <span className="proposed-member__name">
                        <GripIcon aria-hidden className="proposed-member__grip" />
                        <strong>{nameOf(id)}</strong>
                      </span>
                      <Select
                        compact
                        aria-label={`Move ${nameOf(id)}`}
                        value={index}
                        onChange={(e) => move(id, Number(e.target.value))}
                      >
                        {groups.map((_, g) => (
                          <option key={g} value={g}>
                            Group {g + 1}
                          </option>
                        ))}
                      </Select>
                      {explanations?.students[id] && (
                        <span className="proposed-member__why">{explanations.students[id]}</span>
                      )}
                      {portraitOf(id) && <ProfileSummary portrait={portraitOf(id)!} name={nameOf(id)} />}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <div className="row grouping-publish">
            <Button variant="primary" disabled={busy || groups.length === 0} onClick={() => void publish()}>
              Publish
            </Button>
            {proposedMode === 'random' && (
              <span className="muted" data-testid="grouping-draw-hint">
                {drawHint(edited)}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  );
}
