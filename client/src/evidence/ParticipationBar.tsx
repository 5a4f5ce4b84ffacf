import { useState } from 'react';
import type { GroupParticipation, ParticipationOptions } from '@conjecture/shared';
import { Badge } from '../ui/Badge.js';
import { Tooltip } from '../ui/Tooltip.js';

interface ParticipationBarProps {
  participation: GroupParticipation | undefined;
  options: ParticipationOptions | undefined;
  /** The group's members as the dashboard shows them (pseudonyms when anonymized), with their colours. */
  members: ReadonlyArray<{ studentId: string; displayName: string; color: string }>;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Who in the group did how much: one bar split by each member's share of contributions (items created and
 * edited, critique replies, answers), a legend with the figures, and a flag when one member holds more than the
 * set share. Quiet members are the card's own line (GroupPanel), on the attention strip's threshold: a second
 * quiet flag here, on the evidence pack's five minutes, said the same thing with another figure.
 */
export function ParticipationBar({ participation, options, members }: ParticipationBarProps) {
  if (!participation || !options) return null;
  const nameOf = (id: string) => members.find((m) => m.studentId === id)?.displayName ?? 'a former member';
  const shown = participation.members.filter((p) => members.some((m) => m.studentId === p.studentId));
  const dominant = participation.dominantMember;
  // The segments share one colour, so whose is whose is shown by picking: a name with the pointer or focus
  // marks its segment (and a segment under the pointer, its name).
  const [picked, setPicked] = useState<string | null>(null);
  const pickedFlag = (id: string) => (picked === id ? 'true' : undefined);
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
            // One product colour for every share: a student's colour (red for some) made a lone member's
            // full bar read as an alarm. Whose share is whose is the legend's, by the coloured dot.
            <span
              key={p.studentId}
              className="participation__segment"
              data-picked={pickedFlag(p.studentId)}
              style={{ width: percent(p.share) }}
              onMouseEnter={() => setPicked(p.studentId)}
              onMouseLeave={() => setPicked(null)}
            />
          ))}
      </div>
      <ul className="participation__legend">
        {shown.map((p) => (
          <li key={p.studentId}>
            {/* What the share is made of, on hover and on focus (our tooltip, not the browser's title);
                below the name, as above it covered the bar that the name picks its share out on. */}
            <Tooltip
              side="bottom"
              content={`${p.itemsCreated} created, ${p.itemsEdited} edited, ${p.words} words, ${p.critiqueReplies} critique replies, ${p.answers} answers`}
            >
              <span
                className="participation__member"
                tabIndex={0}
                data-picked={pickedFlag(p.studentId)}
                onMouseOver={() => setPicked(p.studentId)}
                onMouseOut={() => setPicked(null)}
                onFocus={() => setPicked(p.studentId)}
                onBlur={() => setPicked(null)}
              >
                <span
                  className="participation__dot"
                  aria-hidden
                  style={{ background: members.find((m) => m.studentId === p.studentId)?.color }}
                />
                {nameOf(p.studentId)} <strong>{percent(p.share)}</strong>
              </span>
            </Tooltip>
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
    </section>
  );
}
