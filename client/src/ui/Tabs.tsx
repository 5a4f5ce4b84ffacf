import type { ReactNode } from 'react';
import { Tabs as RadixTabs } from 'radix-ui';

export interface TabSpec {
  value: string;
  label: ReactNode;
  content: ReactNode;
}

export interface TabsProps {
  value: string;
  onValueChange: (value: string) => void;
  tabs: TabSpec[];
  /** Names the tab list for assistive technology. */
  label: string;
  className?: string;
}

/**
 * Views of one page (Radix Tabs: arrow keys move between tabs, the panel follows). Inactive panels stay
 * mounted but hidden (`forceMount`), so live boards in them keep their connection and come back at once.
 */
export function Tabs({ value, onValueChange, tabs, label, className }: TabsProps) {
  return (
    <RadixTabs.Root
      value={value}
      onValueChange={onValueChange}
      className={['ui-tabs', className].filter(Boolean).join(' ')}
    >
      <RadixTabs.List className="ui-tabs__list" aria-label={label}>
        {tabs.map((t) => (
          <RadixTabs.Trigger key={t.value} value={t.value} className="ui-tabs__trigger">
            {t.label}
          </RadixTabs.Trigger>
        ))}
      </RadixTabs.List>
      {tabs.map((t) => (
        <RadixTabs.Content
          key={t.value}
          value={t.value}
          forceMount
          hidden={t.value !== value}
          className="ui-tabs__panel"
        >
          {t.content}
        </RadixTabs.Content>
      ))}
    </RadixTabs.Root>
  );
}
