import type { ClassState } from '@conjecture/shared';
import { Badge } from '../ui/Badge.js';
import { Button } from '../ui/Button.js';
import { CopyField } from '../ui/CopyField.js';
import { Switch } from '../ui/Switch.js';
import { ProjectorIcon } from '../ui/icons.js';

interface ProjectionControlsProps {
  cls: ClassState;
  onProject: (boardIds: string[], anonymize: boolean) => void;
  projectorLink: string | null;
  /** Makes a new projector link; the old one stops working (a lost or shared link). */
  onNewLink: () => void;
}

/**
 * What the projector shows: the groups switched "On projector" (up to four), with names anonymized or not;
 * and a new link for the classroom screen when the old one is lost or was shared.
 */
export function ProjectionControls({ cls, onProject, projectorLink, onNewLink }: ProjectionControlsProps) {
  const names = cls.projectedBoardIds
    .map((id) => cls.groups.find((g) => g.boardId === id)?.name)
    .filter((n): n is string => n !== undefined);
  return (
    <section className="projection panel stack" aria-label="Projector">
      <h2 className="panel-title">
        <ProjectorIcon aria-hidden /> Projector
      </h2>
      <p>
        <Badge tone={names.length > 0 ? 'info' : 'neutral'} data-testid="projected-boards">
          {names.length > 0 ? names.join(', ') : 'nothing shown'}
        </Badge>
      </p>
      <Switch
        // names its screen: the header's two switches anonymize the dashboard and the students' screens
        label="Anonymize names on the projector"
        checked={cls.anonymize}
        onCheckedChange={(on) => onProject(cls.projectedBoardIds, on)}
      />
      {names.length > 0 && <Button onClick={() => onProject([], cls.anonymize)}>Clear the projector</Button>}
      {projectorLink ? (
        <CopyField
          label="Projector link"
          hint="Open it on the classroom screen: the old link no longer works."
          value={projectorLink}
        />
      ) : (
        <Button onClick={onNewLink}>New projector link</Button>
      )}
    </section>
  );
}
