import type { HTMLAttributes } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'attention';

/** A short status label (a count, "On projector", "Paused"); its colours meet AA on their background. */
export function Badge({
  tone = 'neutral',
  className,
  ...props
}: HTMLAttributes<HTMLSpanElement> & { tone?: BadgeTone }) {
  return <span className={['ui-badge', className].filter(Boolean).join(' ')} data-tone={tone} {...props} />;
}
