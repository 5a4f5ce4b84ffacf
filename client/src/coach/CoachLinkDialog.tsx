import { useEffect, useRef, useState } from 'react';
import type { TeacherCommands } from '../classroom/teacherCommands.js';
import { Button } from '../ui/Button.js';
import { CopyField } from '../ui/CopyField.js';
import { Dialog } from '../ui/Dialog.js';
import { coachLinkIsOn, coachLinkStatus, viewOfCoachLink, type CoachLinkView } from './coachLinkStatus.js';

export type CoachLinkCommands = Pick<TeacherCommands, 'coachLink' | 'createCoachLink' | 'revokeCoachLink'>;

interface CoachLinkDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  commands: CoachLinkCommands;
  /** Makes the server's path (`/coach/<id>#key=…`) an address to send: this page's origin. */
  origin?: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Share with a coach": a revocable read-only link to the lesson's evidence. Its address is shown once,
 * when made (the server keeps only a hash of its secret); reopened later, the dialog says whether one is on.
 */
export function CoachLinkDialog({
  open,
  onOpenChange,
  commands,
  origin = window.location.origin,
}: CoachLinkDialogProps) {
  const [view, setView] = useState<CoachLinkView>({ phase: 'loading' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The first button stays one element whatever its label, so focus stays on it; after turning the link
  // off (its own button gone) focus is put back there. While a request is sending the buttons are
  // `aria-disabled`, not `disabled`: a disabled button drops the focus on the dialog itself.
  const makeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    setView({ phase: 'loading' });
    setError(null);
    commands.coachLink().then(
      (state) => !cancelled && setView(viewOfCoachLink(state)),
      (e: unknown) => {
        if (cancelled) return;
        setView({ phase: 'failed' });
        setError(`Cannot tell whether a coach link is on: ${messageOf(e)}`);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open, commands]);

  const act = (action: () => Promise<CoachLinkView>, failure: string) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    action()
      .then(setView, (e: unknown) => setError(`${failure}: ${messageOf(e)}`))
      .finally(() => setBusy(false));
  };
  const make = () =>
    act(async () => {
      const { coachLink } = await commands.createCoachLink();
      return { phase: 'made', url: origin + coachLink };
    }, 'The link was not made');
  const turnOff = () =>
    act(async () => {
      await commands.revokeCoachLink();
      makeButton.current?.focus();
      return { phase: 'off', turnedOff: true };
    }, 'The link is still on');

  const on = coachLinkIsOn(view);
  const status = coachLinkStatus(view, Date.now());
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Share the evidence with a coach"
      description="A coach reads what happened in this lesson: who contributed, the tagged talk and questions, each group's replay, the students' reflections and the downloads, with students' real names."
      actions={
        <>
          <Button
            ref={makeButton}
            variant={on ? 'secondary' : 'primary'}
            onClick={make}
            disabled={view.phase === 'loading'}
            aria-disabled={busy || undefined}
          >
            {on ? 'Make a new link' : 'Make a coach link'}
          </Button>
          {on && (
            <Button variant="danger" onClick={turnOff} aria-disabled={busy || undefined}>
              Turn the link off
            </Button>
          )}
          <Button onClick={() => onOpenChange(false)}>Close</Button>
        </>
      }
    >
      <div className="stack coach-link">
        <p>A coach cannot change anything or see the live boards. You can turn the link off at any time.</p>
        {view.phase === 'made' && (
          <CopyField
            label="Coach link"
            value={view.url}
            hint="Send it to the coach now: it is shown only once. A new link ends this one."
          />
        )}
        {status && (
          <p role="status" data-testid="coach-link-status">
            {status}
          </p>
        )}
        {view.phase === 'on' && <p className="muted">Making a new link ends the one that is on.</p>}
        {error && <p role="alert">{error}</p>}
      </div>
    </Dialog>
  );
}
