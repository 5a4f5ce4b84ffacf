import { useState, type DragEvent } from 'react';
import type { ClassState, GroupingPreview, GroupingPreviewBody } from '@conjecture/shared';
import { previewGroups, publishGroups, scoreGroups } from './diagnosticApi.js';
import { moveStudent, withNames, type PairConstraints } from './diagnosticFlow.js';
import { PairConstraintsEditor } from './PairConstraintsEditor.js';
import { ApiRequestError } from '../api/http.js';

type Mode = GroupingPreviewBody['mode'];
const MODES: Array<{ mode: Mode; label: string }> = [
  { mode: 'mix', label: 'Mix (different profiles together)' },
  { mode: 'similar', label: 'Similar (alike profiles together)' },
  { mode: 'misconception', label: 'Around a shared misconception' },
  { mode: 'random', label: 'Random' },
];
const DRAG_TYPE = 'application/x-conjecture-proposed-student';

/**
 * Proposes groups from the diagnostic profiles, shows why (one line a group, a reason a student), lets the
 * teacher move students between proposed groups (drag, or the select for keyboard and touch), then publishes.
 * After a move the server scores the adjusted groups (the preview carries no feature vectors), and the
 * panel shows the change against the proposal.
 */
export function GroupingPanel({
  classId,
  cls,
  onPublished,
}: {
  classId: string;
  cls: ClassState;
  onPublished: (cls: ClassState) => void;
}) {
  const [mode, setMode] = useState<Mode>('mix');
  const [groupSize, setGroupSize] = useState(4);
  const [seed, setSeed] = useState(1);
  const [preview, setPreview] = useState<GroupingPreview | null>(null);
  const [groups, setGroups] = useState<string[][]>([]);
  const [edited, setEdited] = useState(false);
  /** The objective of the groups as adjusted by hand, from the server (null while it is being computed). */
  const [score, setScore] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** Why the constraints cannot all be met, as the engine named them (with names for ids). */
  const [conflicts, setConflicts] = useState<string[]>([]);
  const [pairs, setPairs] = useState<PairConstraints>({ keepApart: [], keepTogether: [] });
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState<number | null>(null);
  const nameOf = (id: string) => cls.students.find((s) => s.studentId === id)?.displayName ?? 'Someone';

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
      setPreview(proposal);
      setGroups(proposal.groups);
      setEdited(false);
    });
  const publish = () =>
    act(async () => {
      onPublished(await publishGroups(classId, groups));
      setPreview(null);
    });
  const move = (studentId: string, to: number) => {
    const next = moveStudent(groups, studentId, to);
    if (next === groups) return;
    setEdited(true);
    setGroups(next);
    setScore(null);
    scoreGroups(classId, next).then(
      (r) => setScore(r.objective),
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
        <label>
          Mode
          <select value={mode} onChange={(e) => setMode(e.target.value as Mode)}>
            {MODES.map((m) => (
              <option key={m.mode} value={m.mode}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Group size
          <input
            type="number"
            min={2}
            max={8}
            value={groupSize}
            onChange={(e) => setGroupSize(Math.min(8, Math.max(2, Number(e.target.value) || 2)))}
          />
        </label>
        <button type="button" disabled={busy || cls.students.length === 0} onClick={() => void propose(seed)}>
          Propose
        </button>
        {preview && (
          <button type="button" disabled={busy} onClick={() => void propose(seed + 1)}>
            Another proposal
          </button>
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
          <p className="muted">
            {!edited
              ? `Proposal score: ${preview.objective.toFixed(2)}`
              : score === null
                ? 'Scoring your changes…'
                : `Score after your changes: ${score.toFixed(2)} (${score - preview.objective >= 0 ? '+' : '−'}${Math.abs(score - preview.objective).toFixed(2)} from the proposal; ${mode === 'similar' ? 'lower' : 'higher'} means ${mode === 'similar' ? 'more alike' : 'more mixed'}).`}{' '}
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
                {/* The summaries describe the proposal's groups: once a move drops a group they no longer line up */}
                {groups.length === preview.groups.length && preview.explanations.groups[index] && (
                  <p className="muted">{preview.explanations.groups[index]}</p>
                )}
                <ul>
                  {members.map((id) => (
                    <li
                      key={id}
                      draggable
                      data-testid={`proposed-${nameOf(id)}`}
                      onDragStart={(e) => {
                        e.dataTransfer.setData(DRAG_TYPE, id);
                        e.dataTransfer.effectAllowed = 'move';
                      }}
                    >
                      <strong>{nameOf(id)}</strong>
                      {preview.explanations.students[id] && (
                        <span> — {preview.explanations.students[id]}</span>
                      )}
                      <select
                        aria-label={`Move ${nameOf(id)}`}
                        value={index}
                        onChange={(e) => move(id, Number(e.target.value))}
                      >
                        {groups.map((_, g) => (
                          <option key={g} value={g}>
                            Group {g + 1}
                          </option>
                        ))}
                      </select>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <button type="button" disabled={busy || groups.length === 0} onClick={() => void publish()}>
            Publish
          </button>
        </>
      )}
    </section>
  );
}
