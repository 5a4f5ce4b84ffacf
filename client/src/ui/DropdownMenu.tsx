import type { ReactNode } from 'react';
import { DropdownMenu as RadixMenu } from 'radix-ui';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  icon?: ReactNode;
}

export interface DropdownMenuProps {
  /** The button that opens the menu (rendered as is: pass a Button or IconButton). */
  trigger: ReactNode;
  items: MenuItem[];
  align?: 'start' | 'end';
}

/** A menu of commands behind one button (Radix DropdownMenu: arrow keys, typeahead, Escape). */
export function DropdownMenu({ trigger, items, align = 'end' }: DropdownMenuProps) {
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content className="ui-menu" align={align} sideOffset={4}>
          {items.map((item) => (
            <RadixMenu.Item
              key={item.label}
              className="ui-menu__item"
              data-danger={item.danger || undefined}
              disabled={item.disabled}
              onSelect={item.onSelect}
            >
              {item.icon}
              {item.label}
            </RadixMenu.Item>
          ))}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
