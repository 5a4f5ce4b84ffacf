import type { ReactNode } from 'react';
import type { AttentionItem, AttentionKind } from '@conjecture/shared';
import { HandIcon, PersonPlusIcon, QuestionIcon, QuietIcon, ReplayIcon } from '../ui/icons.js';
import { Tooltip } from '../ui/Tooltip.js';

const ICONS: Record<AttentionKind, ReactNode> = {
  wipe: <ReplayIcon aria-hidden />,
  flood: <ReplayIcon aria-hidden />,
  hidden: <ReplayIcon aria-hidden />,
  hand: <HandIcon aria-hidden />,
  waiting: <PersonPlusIcon aria-hidden />,
  question: <QuestionIcon aria-hidden />,
  quiet: <QuietIcon aria-hidden />,
};

const KIND_LABEL: Record<AttentionKind, string> = {
  wipe: 'Work put back',
  flood: 'Too much added',
  hidden: 'Work hidden in a frame',
  hand: 'Raised hand',
  waiting: 'Without a group',
  question: 'Unanswered question',
  quiet: 'Quiet members',
};

/** How many items the strip shows; the rest are counted, and every group's card shows its own. */
const SHOWN = 6;

/**
 * What needs the teacher now, most urgent first (ranked by shared's `rankAttention`): each entry names the
 * group and the reason, and opens that group's board in one click (or Enter) — or, for students without a
 * group, takes the teacher to the roster to choose one.
 */
export function AttentionStrip({
  items,
  onOpen,
}: {
  items: AttentionItem[];
  onOpen: (item: AttentionItem) => void;
}) {
  const shown = items.slice(0, SHOWN);
  return (
    <section className="attention-strip" aria-label="Needs attention" data-testid="attention-strip">
      <h2 className="attention-strip__title">Needs you now</h2>
      {items.length === 0 ? (
        <p className="attention-strip__empty">
          Nothing waiting: no raised hands, unanswered questions or quiet members.
        </p>
      ) : (
        <ol className="attention-strip__list">
          {shown.map((item) => (
            <li key={item.id}>
              {/* The reason in full on hover: the strip's line may cut it. */}
              <Tooltip content={item.reason}>
                <button
                  type="button"
                  className="attention-item"
                  data-kind={item.kind}
                  data-testid={`attention-${item.kind}-${item.groupName}`}
                  onClick={() => onOpen(item)}
                  aria-label={
                    item.kind === 'waiting'
                      ? `${KIND_LABEL[item.kind]}: ${item.reason}. Choose a group`
                      : `${KIND_LABEL[item.kind]}, ${item.groupName}: ${item.reason}. Open the board`
                  }
                >
                  <span className="attention-item__icon">{ICONS[item.kind]}</span>
                  <span className="attention-item__text">
                    <strong>{item.groupName}</strong>
                    <span>{item.reason}</span>
                  </span>
                </button>
              </Tooltip>
            </li>
          ))}
          {items.length > SHOWN && <li className="attention-strip__more">+{items.length - SHOWN} more</li>}
        </ol>
      )}
    </section>
  );
}
