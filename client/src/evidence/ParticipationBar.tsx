import { quietMembers, type GroupParticipation, type ParticipationOptions } from '@conjecture/shared';
import { Badge } from '../ui/Badge.js';
import { QuietIcon } from '../ui/icons.js';

interface ParticipationBarProps {
  participation: GroupParticipation | undefined;
  options: ParticipationOptions | undefined;
  /** The group's members as the dashboard shows them (pseudonyms when anonymized), with their colours. */
  members: ReadonlyArray<{ studentId: string; displayName: string; color: string }>;
  now: number;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Who in the group did how much: one bar split by each member's share of contributions (items created and
 * edited, critique replies, answers), a legend with the figures, and the two flags — one member holding more
 * than the set share, members who have contributed nothing for a while.
 */
export function ParticipationBar({ participation, options, members, now }: ParticipationBarProps) {
  if (!participation || !options) return null;
  const nameOf = (id: string) => members.find((m) => m.studentId === id)?.displayName ?? 'a former member';
  const shown = participation.members.filter((p) => members.some((m) => m.studentId === p.studentId));
  const dominant = participation.dominantMember;
  const quiet = quietMembers(participation, now, options.quietAfterMs);
  const summary =
    participation.contributions === 0
      ? 'No contributions yet'
      : shown.map((p) => `${nameOf(p.studentId)} ${percent(p.share)}`).join(', ');
  return (
    <section className="participation" aria-label="Participation" data-testid="participation">
      <div className="participation__bar" role="img" aria-label={`Share of contributions: ${summary}`}>
        {shown
          .filter((p) => p.share > 0)
          .map((p) => (
            <span
              key={p.studentId}
              className="participation__segment"
              style={{
                width: percent(p.share),
                background: members.find((m) => m.studentId === p.studentId)?.color,
              }}
            />
          ))}
      </div>
      <ul className="participation__legend">
        {shown.map((p) => (
          <li
            key={p.studentId}
            title={`${p.itemsCreated} created, ${p.itemsEdited} edited, ${p.words} words, ${p.critiqueReplies} critique replies, ${p.answers} answers`}
          >
            <span
              className="participation__dot"
              aria-hidden
              style={{ background: members.find((m) => m.studentId === p.studentId)?.color }}
            />
            {nameOf(p.studentId)} <strong>{percent(p.share)}</strong>
          </li>
        ))}
      </ul>
      {dominant && (
        <Badge tone="warning" data-testid="participation-dominant">
          {nameOf(dominant)} holds{' '}
          {percent(participation.members.find((m) => m.studentId === dominant)?.share ?? 0)} of the work (over{' '}
          {percent(options.dominantShare)})
        </Badge>
      )}
      {quiet.length > 0 && (
        <Badge tone="neutral" data-testid="participation-quiet">
          <QuietIcon aria-hidden size={14} /> Nothing for {Math.round(options.quietAfterMs / 60_000)} min:{' '}
          {quiet.map(nameOf).join(', ')}
        </Badge>
      )}
    </section>
  );
}
