import type { ReactNode } from 'react';
import { Dialog as RadixDialog } from 'radix-ui';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  /** One sentence under the title, read out when the dialog opens. */
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons, right-aligned at the bottom. */
  actions?: ReactNode;
}

/** A modal dialog: focus trapped and returned, Escape and the backdrop close it (Radix Dialog). */
export function Dialog({ open, onOpenChange, title, description, children, actions }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="ui-dialog__overlay" />
        <RadixDialog.Content className="ui-dialog">
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
