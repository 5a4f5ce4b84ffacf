import type { ClassState } from '@conjecture/shared';

/** The dashboard's way into private think time: one button per student, opening their draft read-only. */
export function DraftsSection({
  cls,
  onViewDraft,
}: {
  cls: ClassState;
  onViewDraft: (studentId: string) => void;
}) {
  if (cls.students.length === 0) return null;
  return (
    <section className="drafts-section" data-testid="drafts-section">
      <h2>Private drafts</h2>
      <p className="muted">What a student is thinking before posting to the group (read-only).</p>
      <div className="row">
        {cls.students.map((s) => (
          <button
            key={s.studentId}
            type="button"
            aria-label={`Draft of ${s.displayName}`}
            onClick={() => onViewDraft(s.studentId)}
          >
            {s.displayName}
          </button>
        ))}
      </div>
    </section>
  );
}
