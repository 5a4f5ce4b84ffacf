/**
 * Shown while the teacher has paused or ended the class: the board is read-only (the server enforces it
 * too). An ended class says so — "eyes on the front" would have students wait for a resume that is not coming.
 */
export function PauseBanner({ ended = false }: { ended?: boolean }) {
  return (
    <div className="pause-banner" role="status" data-testid="pause-banner">
      {ended
        ? 'The class has ended — your work is saved. Your teacher can reopen the class.'
        : 'Your teacher paused the class — eyes on the front. You can draw again when the class resumes.'}
    </div>
  );
}
