import type { ClassState } from '@conjecture/shared';

interface ProjectionControlsProps {
  cls: ClassState;
  onProject: (boardIds: string[], anonymize: boolean) => void;
  projectorLink: string | null;
}

/** What the projector shows: the groups ticked "On projector" (up to four), with names anonymized or not. */
export function ProjectionControls({ cls, onProject, projectorLink }: ProjectionControlsProps) {
  const names = cls.projectedBoardIds
    .map((id) => cls.groups.find((g) => g.boardId === id)?.name)
    .filter((n): n is string => n !== undefined);
  return (
    <section className="projection row" aria-label="Projector">
      <strong>Projector:</strong>
      <span data-testid="projected-boards">{names.length > 0 ? names.join(', ') : 'nothing shown'}</span>
      <label>
        <input
          type="checkbox"
          checked={cls.anonymize}
          onChange={(e) => onProject(cls.projectedBoardIds, e.target.checked)}
        />{' '}
        Anonymize names
      </label>
      {names.length > 0 && (
        <button type="button" onClick={() => onProject([], cls.anonymize)}>
          Clear the projector
        </button>
      )}
      {projectorLink && (
        <input
          readOnly
          value={projectorLink}
          aria-label="New projector link"
          onFocus={(e) => e.target.select()}
        />
      )}
    </section>
  );
}
