import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
import { Toast as RadixToast } from 'radix-ui';
import { XIcon } from './icons.js';

export interface ToastMessage {
  id: number;
  title: string;
  tone: 'info' | 'error' | 'success';
}

type Notify = (title: string, tone?: ToastMessage['tone']) => void;

const ToastContext = createContext<Notify>(() => {});

/** Short notices that come and go (Radix Toast: announced politely, swipe or Escape to dismiss). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  const notify = useCallback<Notify>((title, tone = 'info') => {
    setToasts((list) => [...list.slice(-2), { id: (list.at(-1)?.id ?? 0) + 1, title, tone }]);
  }, []);
  const dismiss = (id: number) => setToasts((list) => list.filter((t) => t.id !== id));
  return (
    <ToastContext.Provider value={notify}>
      <RadixToast.Provider duration={6000}>
        {children}
        {toasts.map((t) => (
          <RadixToast.Root
            key={t.id}
            className="ui-toast"
            data-tone={t.tone}
            type={t.tone === 'error' ? 'foreground' : 'background'}
            onOpenChange={(open) => !open && dismiss(t.id)}
          >
            <RadixToast.Title className="ui-toast__title">{t.title}</RadixToast.Title>
            <RadixToast.Close className="ui-icon-button" data-size="sm" aria-label="Dismiss">
              <XIcon aria-hidden />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="ui-toast-viewport" />
      </RadixToast.Provider>
    </ToastContext.Provider>
  );
}

/** `notify(title, tone)` from anywhere under a ToastProvider. */
export const useToast = (): Notify => useContext(ToastContext);
