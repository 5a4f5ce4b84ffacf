import { Fragment, useCallback, useEffect, useState } from 'react';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  MOVE_CHIPS,
  REFLECTION_PROMPTS,
  type TaggedReflection,
} from '@conjecture/shared';
import { apiFor, TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import { useStableAuth } from '../api/useStableAuth.js';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { Badge } from '../ui/Badge.js';
import { Table } from '../ui/Table.js';
import './reflection.css';

interface ReflectionsPanelProps {
  classId: string;
  socket: ClassSocket | null;
  reflectionOpen: boolean;
  resolveName: (id: string) => string;
  /** The teacher's cookie by default; a coach's token (with no socket: the list as it was when loaded). */
  auth?: ClassAuth;
  /** Said while nobody has reflected; by default, how the teacher asks for reflections. */
  emptyHint?: string;
}

const ASK_FOR_REFLECTIONS =
  '“Ask for reflections” at the end of the lesson opens four short prompts for every student.';
/** Open and nobody has saved yet: an empty view would read as broken while the class is writing. */
const WAITING_FOR_REFLECTIONS =
  'No reflection yet: the prompts are open on every student’s screen, and each answer appears here as it is saved.';

/** A reflection saved without a confidence: "—" read as a gap in the table, not as the student's choice. */
const NOT_SAID_LABEL = 'Not said';
/** A prompt the student left blank: an empty cell read as a gap in the table too. */
const NOT_ANSWERED_LABEL = 'not answered';

const moveChip = (move: string | undefined) =>
  move ? (MOVE_CHIPS as Record<string, string>)[move] || null : null;

/** How confident the class says it is now, as counts per level (with who has not said yet). */
function ConfidenceTally({ reflections }: { reflections: TaggedReflection[] }) {
  const notSaid = reflections.filter((r) => !r.confidence).length;
  return (
    <p className="reflection-tally" data-testid="confidence-tally">
      {/* Named like the table's column: bare "Mostly: 1" did not say what was counted. */}
      <span className="reflection-tally__label">Confidence now:</span>
      {CONFIDENCE_LEVELS.map((level) => (
        <Fragment key={level}>
          {' '}
          <span>
            {CONFIDENCE_LABELS[level]}:{' '}
            <strong>{reflections.filter((r) => r.confidence === level).length}</strong>
          </span>
        </Fragment>
      ))}
      {/* Saved without a confidence: without the count, the levels' sum fell short of the rows unexplained. */}
      {notSaid > 0 && (
        <>
          {' '}
          <span>
            {NOT_SAID_LABEL}: <strong>{notSaid}</strong>
          </span>
        </>
      )}
    </p>
  );
}

/**
 * The students' end-of-lesson reflections as they arrive (each answer with the talk move it was tagged with),
 * and how confident the class feels: evidence of student thinking in their own words.
 */
export function ReflectionsPanel({
  classId,
  socket,
  reflectionOpen,
  resolveName,
  auth = TEACHER_AUTH,
  emptyHint,
}: ReflectionsPanelProps) {
  const credential = useStableAuth(auth);
  const [reflections, setReflections] = useState<TaggedReflection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    apiFor(credential)
      .listReflections({ params: { classId } })
      .then((list) => {
        setReflections(list);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [classId, credential]);
  useEffect(load, [load]);
  // A saved reflection is tagged as it is stored: reading the list again brings both.
  useSocketEvent(socket, 'reflectionSaved', load);
  // The teacher's instructions may show at once; a reader's "nobody has yet" waits for the list.
  const hint = emptyHint
    ? reflections?.length === 0 && emptyHint
    : !reflectionOpen
      ? (reflections?.length ?? 0) === 0 && ASK_FOR_REFLECTIONS
      : reflections?.length === 0 && WAITING_FOR_REFLECTIONS;

  return (
    <section className="reflections stack" aria-labelledby="reflections-title">
      <div className="row">
        <h2 id="reflections-title">Reflections</h2>
        <Badge tone={reflectionOpen ? 'success' : 'neutral'}>
          {reflectionOpen ? 'Open to students' : 'Closed'}
        </Badge>
      </div>
      {hint && <p className="muted">{hint}</p>}
      {error && <p role="alert">{error}</p>}
      {reflections && reflections.length > 0 && (
        <>
          <ConfidenceTally reflections={reflections} />
          <Table>
            <caption className="ui-visually-hidden">Each student's reflection</caption>
            <thead>
              <tr>
                <th scope="col">Student</th>
                {REFLECTION_PROMPTS.map((p) => (
                  <th scope="col" key={p.field}>
                    {p.prompt}
                  </th>
                ))}
                <th scope="col">Confidence</th>
              </tr>
            </thead>
            <tbody>
              {reflections.map((r) => (
                <tr key={r.studentId} data-testid="reflection-row">
                  <th scope="row">{resolveName(r.studentId)}</th>
                  {REFLECTION_PROMPTS.map(({ field }) => (
                    <td key={field}>
                      {r[field].trim() ? r[field] : <span className="muted">{NOT_ANSWERED_LABEL}</span>}
                      {moveChip(r.moves[field]) && (
                        <>
                          {' '}
                          <Badge>{moveChip(r.moves[field])}</Badge>
                        </>
                      )}
                    </td>
                  ))}
                  <td>{r.confidence ? CONFIDENCE_LABELS[r.confidence] : NOT_SAID_LABEL.toLowerCase()}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}
