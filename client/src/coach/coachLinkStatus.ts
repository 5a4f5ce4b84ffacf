import type { CoachLinkState } from '@conjecture/shared';

/**
 * What the teacher's "Share with a coach" dialog knows of the class's coach link. Its address (with the
 * secret) exists in this browser only between making it and closing the dialog: the server keeps a hash.
 */
export type CoachLinkView =
  | { phase: 'loading' }
  | { phase: 'failed' }
  | { phase: 'off'; turnedOff: boolean }
  | { phase: 'on'; createdAt: number | null }
  | { phase: 'made'; url: string };

export const viewOfCoachLink = (state: CoachLinkState): CoachLinkView =>
  state.on ? { phase: 'on', createdAt: state.createdAt } : { phase: 'off', turnedOff: false };

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "today at 10:42", or "on 3 Mar at 10:42" for a link made on another day. */
export function madeAtLabel(createdAt: number, now: number): string {
  const made = new Date(createdAt);
  const time = made.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (sameDay(made, new Date(now))) return `today at ${time}`;
  return `on ${made.toLocaleDateString([], { day: 'numeric', month: 'short' })} at ${time}`;
}

/** The dialog's one line about the link (the made link's address is shown in its copy field instead). */
export function coachLinkStatus(view: CoachLinkView, now: number): string | null {
  switch (view.phase) {
    case 'loading':
      return 'Checking whether a coach link is on…';
    case 'failed':
    case 'made':
      return null;
    case 'off':
      return view.turnedOff
        ? 'The coach link is off: it no longer opens the evidence.'
        : 'No coach link is on.';
    case 'on': {
      const made = view.createdAt === null ? '' : ` (made ${madeAtLabel(view.createdAt, now)})`;
      return `A coach link is on${made}. Its address was shown when it was made; make a new link to see one.`;
    }
  }
}

/** The link is on: the dialog offers a new one (ending it) and turning it off. */
export const coachLinkIsOn = (view: CoachLinkView): boolean => view.phase === 'on' || view.phase === 'made';
