import type { HTMLAttributes, TableHTMLAttributes } from 'react';

/** A data table with our borders, zebra rows and a sticky header; plain semantic `<table>` markup inside. */
export function Table({ className, ...props }: TableHTMLAttributes<HTMLTableElement>) {
  return (
    <div className="ui-table-frame">
      <table className={['ui-table', className].filter(Boolean).join(' ')} {...props} />
    </div>
  );
}

/** A number column: right-aligned with tabular figures. */
export function NumericCell({ className, ...props }: HTMLAttributes<HTMLTableCellElement>) {
  return <td className={['ui-numeric', className].filter(Boolean).join(' ')} {...props} />;
}
