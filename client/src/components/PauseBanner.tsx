/** Shown while the teacher has paused the class: the board is read-only (the server enforces it too). */
export function PauseBanner() {
  return (
    <div className="pause-banner" role="status" data-testid="pause-banner">
      Your teacher paused the class — eyes on the front. You can draw again when the class resumes.
    </div>
  );
}
