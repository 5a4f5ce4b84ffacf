import type { ClassState } from '@conjecture/shared';

type AnonymizePatch = { anonymizeDashboard?: boolean; anonymizeStudents?: boolean };

/**
 * Where names are replaced by pseudonyms ("Student A"…), each chosen on its own: this dashboard (often
 * screen-shared) and the students' own views (cursors, "colour by author", critique replies). The
 * projector has its switch with the projection.
 */
export function AnonymizeSwitches({
  cls,
  onUpdate,
}: {
  cls: ClassState;
  onUpdate: (patch: AnonymizePatch) => void;
}) {
  return (
    <fieldset className="anonymize-switches">
      <legend>Anonymize names</legend>
      <label>
        <input
          type="checkbox"
          checked={cls.anonymizeDashboard}
          onChange={(e) => onUpdate({ anonymizeDashboard: e.target.checked })}
        />
        On this dashboard
      </label>
      <label>
        <input
          type="checkbox"
          checked={cls.anonymizeStudents}
          onChange={(e) => onUpdate({ anonymizeStudents: e.target.checked })}
        />
        For students
      </label>
    </fieldset>
  );
}
