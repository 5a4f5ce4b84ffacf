import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import { Tooltip } from './Tooltip.js';

export interface IconButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'> {
  /** The accessible name: an icon alone says nothing to a screen reader. Shown in our Tooltip too. */
  label: string;
  icon: ReactNode;
  variant?: 'secondary' | 'ghost' | 'danger';
  size?: 'sm' | 'md';
}

/** A square button showing only an SVG icon, named by `label`. */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, variant = 'ghost', size = 'md', className, type, ...props },
  ref,
) {
  return (
    <Tooltip content={label}>
      <button
        ref={ref}
        type={type ?? 'button'}
        aria-label={label}
        className={['ui-icon-button', className].filter(Boolean).join(' ')}
        data-variant={variant}
        data-size={size}
        {...props}
      >
        {icon}
      </button>
    </Tooltip>
  );
});
