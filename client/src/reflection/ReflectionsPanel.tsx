import { useCallback, useEffect, useState } from 'react';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  MOVE_CHIPS,
  REFLECTION_PROMPTS,
  type TaggedReflection,
} from '@conjecture/shared';
import { api } from '../api/http.js';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { Badge } from '../ui/Badge.js';
import { Table } from '../ui/Table.js';
import './reflection.css';

interface ReflectionsPanelProps {
  classId: string;
  socket: ClassSocket | null;
  reflectionOpen: boolean;
  resolveName: (id: string) => string;
}

const moveChip = (move: string | undefined) =>
  move ? (MOVE_CHIPS as Record<string, string>)[move] || null : null;

/** How confident the class says it is now, as counts per level (with who has not said yet). */
function ConfidenceTally({ reflections }: { reflections: TaggedReflection[] }) {
  return (
    <p className="reflection-tally" data-testid="confidence-tally">
      {CONFIDENCE_LEVELS.map((level) => (
        <span key={level}>
          {CONFIDENCE_LABELS[level]}:{' '}
          <strong>{reflections.filter((r) => r.confidence === level).length}</strong>
        </span>
      ))}
    </p>
  );
}

/**
 * The students' end-of-lesson reflections as they arrive (each answer with the talk move it was tagged with),
 * and how confident the class feels: evidence of student thinking in their own words.
 */
export function ReflectionsPanel({ classId, socket, reflectionOpen, resolveName }: ReflectionsPanelProps) {
  const [reflections, setReflections] = useState<TaggedReflection[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api
      .listReflections({ params: { classId } })
      .then((list) => {
        setReflections(list);
        setError(null);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, [classId]);
  useEffect(load, [load]);
  // A saved reflection is tagged as it is stored: reading the list again brings both.
  useSocketEvent(socket, 'reflectionSaved', load);

  return (
    <section className="reflections stack" aria-labelledby="reflections-title">
      <div className="row">
        <h2 id="reflections-title">Reflections</h2>
        <Badge tone={reflectionOpen ? 'success' : 'neutral'}>
          {reflectionOpen ? 'Open to students' : 'Closed'}
        </Badge>
      </div>
      {!reflectionOpen && (reflections?.length ?? 0) === 0 && (
        <p className="muted">
          “Ask for reflections” at the end of the lesson opens four short prompts for every student.
        </p>
      )}
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
                      {r[field]}
                      {moveChip(r.moves[field]) && (
                        <>
                          {' '}
                          <Badge>{moveChip(r.moves[field])}</Badge>
                        </>
                      )}
                    </td>
                  ))}
                  <td>{r.confidence ? CONFIDENCE_LABELS[r.confidence] : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </section>
  );
}
