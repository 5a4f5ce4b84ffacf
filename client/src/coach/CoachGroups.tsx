import type { ClassState } from '@conjecture/shared';
import type { ClassAuth } from '../api/http.js';
import { ParticipationBar } from '../evidence/ParticipationBar.js';
import { useParticipation } from '../evidence/useParticipation.js';
import { Button } from '../ui/Button.js';
import { ReplayIcon } from '../ui/icons.js';

interface CoachGroupsProps {
  cls: ClassState;
  auth: ClassAuth;
  onReplay: (groupId: string) => void;
}

const names = (people: ReadonlyArray<{ displayName: string }>) => people.map((p) => p.displayName).join(', ');

/**
 * Each group as evidence, not as a live board: who is in it, how the work was shared among them, and its
 * replay (the board over the lesson, from the server's history).
 */
export function CoachGroups({ cls, auth, onReplay }: CoachGroupsProps) {
  // No socket: the report as it is now; the page's Refresh reads it again.
  const participation = useParticipation(cls.classId, null, true, auth);
  const ungrouped = cls.students.filter((s) => s.groupId === null);
  return (
    <section className="stack" aria-labelledby="coach-groups-title">
      <h2 id="coach-groups-title">Groups</h2>
      {cls.groups.length === 0 && <p className="muted">This class has no groups.</p>}
      <div className="groups">
        {cls.groups.map((group) => {
          const members = cls.students.filter((s) => s.groupId === group.groupId);
          return (
            <article
              key={group.groupId}
              className="group-panel"
              data-testid={`coach-group-${group.name}`}
              aria-label={group.name}
            >
              <header className="group-panel__header">
                <h3>{group.name}</h3>
                <Button
                  size="sm"
                  onClick={() => onReplay(group.groupId)}
                  aria-label={`Replay ${group.name}'s board`}
                >
                  <ReplayIcon aria-hidden size={16} /> Replay
                </Button>
              </header>
              <p className="coach-group__members" data-testid="group-members">
                {members.length > 0 ? names(members) : 'Nobody is in this group now.'}
              </p>
              <ParticipationBar
                participation={participation?.groups.find((p) => p.groupId === group.groupId)}
                options={participation?.options}
                members={members}
              />
            </article>
          );
        })}
      </div>
      {ungrouped.length > 0 && <p className="muted">Not in a group: {names(ungrouped)}</p>}
    </section>
  );
}
