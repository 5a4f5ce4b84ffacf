import type { ClassState } from '@conjecture/shared';
import { Switch } from '../ui/Switch.js';

type AnonymizePatch = { anonymizeDashboard?: boolean; anonymizeStudents?: boolean };

/**
 * Where names are replaced by pseudonyms ("Student A"…), each chosen on its own: this dashboard (often
 * screen-shared) and the students' own views (cursors, "colour by author", critique replies). The
 * projector has its switch with the projection ("Anonymize names on the projector"): each label names its
 * screen, so three switches that read alike are not mistaken for one another.
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
      <Switch
        label="On this dashboard"
        checked={cls.anonymizeDashboard}
        onCheckedChange={(checked) => onUpdate({ anonymizeDashboard: checked })}
      />
      <Switch
        label="On students’ screens"
        checked={cls.anonymizeStudents}
        onCheckedChange={(checked) => onUpdate({ anonymizeStudents: checked })}
      />
    </fieldset>
  );
}
