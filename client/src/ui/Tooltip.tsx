import type { ReactElement, ReactNode } from 'react';
import { Tooltip as RadixTooltip } from 'radix-ui';

export interface TooltipProps {
  /** What the tooltip says: a short name or a few lines of evidence. */
  content: ReactNode;
  /** The one element it describes, focusable (a button, or a mark with `tabIndex={0}`). */
  children: ReactElement;
  side?: 'top' | 'right' | 'bottom' | 'left';
  /**
   * How near the window's edges it may come before it moves (8 px each side unless told): 0 at the bottom
   * lets a tooltip beside a line at the window's foot stay level with it rather than ride up over the line
   * above.
   */
  collisionPadding?: number | Partial<Record<'top' | 'right' | 'bottom' | 'left', number>>;
  /** false keeps it closed (the element stays mounted as it was: a changed tree would remount it). */
  enabled?: boolean;
}

/**
 * Our tooltip, in place of the `title` attribute: the browser's bubble waits a second, shows in the system's
 * small grey type, never on keyboard focus and never on touch. This one (Radix Tooltip) opens on hover and on
 * focus, in our type, and is announced as the element's description. Each has its own provider, so a page
 * needs no wrapper.
 */
export function Tooltip({
  content,
  children,
  side = 'top',
  enabled = true,
  collisionPadding = 8,
}: TooltipProps) {
  return (
    <RadixTooltip.Provider delayDuration={300}>
      <RadixTooltip.Root {...(enabled ? {} : { open: false })}>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        <RadixTooltip.Portal>
          <RadixTooltip.Content
            className="ui-tooltip"
            side={side}
            sideOffset={6}
            collisionPadding={collisionPadding}
          >
            {content}
          </RadixTooltip.Content>
        </RadixTooltip.Portal>
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
