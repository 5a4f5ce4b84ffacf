import { useState } from 'react';
import type { GroupParticipation, MemberParticipation, ParticipationOptions } from '@conjecture/shared';
import { Badge } from '../ui/Badge.js';
import { Tooltip } from '../ui/Tooltip.js';

interface ParticipationBarProps {
  participation: GroupParticipation | undefined;
  options: ParticipationOptions | undefined;
  /** The group's members as the dashboard shows them (pseudonyms when anonymized). */
  members: ReadonlyArray<{ studentId: string; displayName: string }>;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Shades of the product's colour, in turn along the bar (app.css, `--color-share-*`): neighbours differ, none
 * reads as alarm, and each stands 3:1 on the bar's track (a lighter fourth did not).
 */
const TONES = 3;

/** "Ada: 3 created, 25 words": whose figures, and only what they did (a row of zeros buried the one fact). */
function whatTheShareIsMadeOf(name: string, p: MemberParticipation): string {
  const parts = [
    [p.itemsCreated, 'created'],
    [p.itemsEdited, 'edited'],
    [p.words, 'words'],
    [p.critiqueReplies, 'critique replies'],
    [p.answers, 'answers'],
  ] as const;
  const done = parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`);
  return `${name}: ${done.length > 0 ? done.join(', ') : 'nothing yet'}`;
}

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
  // Shades repeat past three members and are close for some eyes, so whose is whose is also shown by picking:
  // a name with the pointer or focus marks its segment (and a segment under the pointer, its name).
  const [picked, setPicked] = useState<string | null>(null);
  const pickedFlag = (id: string) => (picked === id ? 'true' : undefined);
  // A member's shade is their segment's, so the swatch by a name is the key to the bar (none without a share).
  const withShare = shown.filter((p) => p.share > 0);
  const toneOf = (id: string) => {
    const i = withShare.findIndex((p) => p.studentId === id);
    return i < 0 ? undefined : String(i % TONES);
  };
  const summary =
    participation.contributions === 0
      ? 'No contributions yet'
      : shown.map((p) => `${nameOf(p.studentId)} ${percent(p.share)}`).join(', ');
  return (
    <section className="participation" aria-label="Participation" data-testid="participation">
      <div className="participation__bar" role="img" aria-label={`Share of contributions: ${summary}`}>
        {withShare.map((p) => (
          // Shades of the product colour for the shares: a student's colour (red for some) made a lone
          // member's full bar read as an alarm. Whose share is whose is the legend's, by the same shade.
          <span
            key={p.studentId}
            className="participation__segment"
            data-tone={toneOf(p.studentId)}
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
                beside the name, never above it: above, it covered the bar that the name picks its share out
                on, and below, at the window's foot, it flipped above. Beside, it flips only left or right,
                and with no margin at the foot it stays level with the name rather than riding up. */}
            <Tooltip
              side="right"
              collisionPadding={{ top: 8, right: 8, bottom: 0, left: 8 }}
              content={whatTheShareIsMadeOf(nameOf(p.studentId), p)}
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
                <span className="participation__swatch" aria-hidden data-tone={toneOf(p.studentId)} />
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
