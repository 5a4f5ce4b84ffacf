import './projectorPauseBand.css';

/**
 * The classroom screen's word that the class is paused, for the back row: a band of its own along the foot
 * of the screen (the page gives it that room: `data-paused` on `.projector`), so it never covers the task,
 * the join code, a presented question or a board. The student boards' banner (PauseBanner) floats over a
 * canvas at 14 px; on the projector that was unreadable from a desk and sat over the task's last words.
 */
export function ProjectorPauseBand() {
  return (
    <div className="pause-banner projector-pause-band" role="status">
      Paused
    </div>
  );
}
