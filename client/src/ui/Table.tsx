import { useRef, type HTMLAttributes, type TableHTMLAttributes, type ThHTMLAttributes } from 'react';
import { useMoreToTheRight } from './useMoreToTheRight.js';

/**
 * A data table with our borders, zebra rows and a sticky header; plain semantic `<table>` markup inside. Too
 * wide for its frame, it scrolls sideways, and a shade on the right edge says more columns lie there (a
 * column cut mid-word gave no sign that the table scrolled).
 */
export function Table({ className, ...props }: TableHTMLAttributes<HTMLTableElement>) {
  const scroller = useRef<HTMLDivElement>(null);
  const more = useMoreToTheRight(scroller);
  return (
    <div className="ui-table-frame ui-more-right" data-more={more ? 'right' : undefined}>
      <div className="ui-table-scroll" ref={scroller}>
        <table className={['ui-table', className].filter(Boolean).join(' ')} {...props} />
      </div>
    </div>
  );
}

/** A number column: right-aligned with tabular figures. */
export function NumericCell({ className, ...props }: HTMLAttributes<HTMLTableCellElement>) {
  return <td className={['ui-numeric', className].filter(Boolean).join(' ')} {...props} />;
}

/** A number column's header, aligned with its figures (right). */
export function NumericHeader({
  className,
  scope = 'col',
  ...props
}: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope={scope} className={['ui-numeric', className].filter(Boolean).join(' ')} {...props} />;
}
