import { useEffect, useRef, type ReactNode } from 'react';
import { Dialog as RadixDialog } from 'radix-ui';
import { rememberFocus, type FocusReturn } from './focusReturn.js';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** One sentence under the title, read out when the dialog opens. */
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons, right-aligned at the bottom. */
  actions?: ReactNode;
  /**
   * Its width: `small` for a confirmation (a sentence and two buttons), `medium` for a short form, `large`
   * for a form with a panel beside it. Each is capped by the window.
   */
  size?: 'small' | 'medium' | 'large';
}

/**
 * A modal dialog: focus trapped, Escape and the backdrop close it (Radix Dialog). Closed by any means, the
 * focus goes back to the element that had it as the dialog opened, or the nearest control if that is gone
 * (focusReturn.ts).
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  actions,
  size = 'medium',
}: DialogProps) {
  const content = useRef<HTMLDivElement>(null);
  const focusReturn = useRef<FocusReturn | null>(null);
  // The focus may follow the opener a while after the dialog closed (focusReturn.ts); not past the page.
  useEffect(() => () => focusReturn.current?.stop(), []);
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content
          ref={content}
          className="ui-dialog"
          data-size={size}
          onOpenAutoFocus={() => {
            if (content.current) focusReturn.current = rememberFocus(content.current);
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault(); // Radix's own return goes to a Dialog.Trigger, which ours do not use
            focusReturn.current?.restore();
          }}
        >
          <RadixDialog.Title className="ui-dialog__title">{title}</RadixDialog.Title>
          {description ? (
            <RadixDialog.Description className="ui-dialog__description">
              {description}
            </RadixDialog.Description>
          ) : (
            <RadixDialog.Description className="ui-visually-hidden">{title}</RadixDialog.Description>
          )}
          {children}
          {actions && <div className="ui-dialog__actions">{actions}</div>}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}
