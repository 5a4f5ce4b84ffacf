import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { Slot } from 'radix-ui';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: 'sm' | 'md';
  /** Render the child (e.g. an `<a>`) with the button's look: Radix's Slot merges the props onto it. */
  asChild?: boolean;
}

/** The one button: variants for the main action, ordinary ones, destructive ones and quiet ones. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { variant = 'secondary', size = 'md', asChild = false, className, type, ...props },
  ref,
) {
  const Component = asChild ? Slot.Root : 'button';
  return (
    <Component
      ref={ref}
      type={asChild ? undefined : (type ?? 'button')}
      className={['ui-button', className].filter(Boolean).join(' ')}
      data-variant={variant}
      data-size={size}
      {...props}
    />
  );
});
