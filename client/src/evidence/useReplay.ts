import { useEffect, useMemo, useState } from 'react';
import { ReplayTimeline, type BoardReplay, type ReplaySpeed } from '@conjecture/shared';
import { apiFor, TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import { useStableAuth } from '../api/useStableAuth.js';

/** At 1×, this many stored updates per second; 8× plays a 2,000-update lesson in about a minute. */
export const STEPS_PER_SECOND = 4;

export type ReplayLoad =
  | { phase: 'loading' }
  | { phase: 'failed'; message: string }
  | { phase: 'ready'; replay: BoardReplay; timeline: ReplayTimeline };

/**
 * A group's replay: fetched when opened (the board's log up to now) and again on `reload`, rebuilt into a
 * timeline with checkpoints, and played — a position (0 … end), playing or paused, a speed. It opens at the
 * end: the board as it is now. The teacher's cookie reads it, or a coach's token.
 */
export function useReplay(classId: string, groupId: string, auth: ClassAuth = TEACHER_AUTH) {
  const credential = useStableAuth(auth);
  const [load, setLoad] = useState<ReplayLoad>({ phase: 'loading' });
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(1);
  /** Asked again during the lesson: the log up to now. */
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setPlaying(false);
    apiFor(credential)
      .groupReplay({ params: { classId, groupId } })
      .then(
        (replay) => {
          if (cancelled) return;
          const timeline = new ReplayTimeline(replay.steps);
          setLoad({ phase: 'ready', replay, timeline });
          setPosition(timeline.end);
        },
        (error: unknown) =>
          !cancelled &&
          setLoad({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      cancelled = true;
    };
  }, [classId, groupId, credential, version]);

  const end = load.phase === 'ready' ? load.timeline.end : 0;
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(
      () => {
        setPosition((p) => {
          if (p + 1 >= end) setPlaying(false);
          return Math.min(end, p + 1);
        });
      },
      1000 / (STEPS_PER_SECOND * speed),
    );
    return () => clearInterval(timer);
  }, [playing, speed, end]);

  const records = useMemo(
    () => (load.phase === 'ready' ? load.timeline.recordsAt(position) : null),
    [load, position],
  );

  return {
    load,
    position,
    records,
    playing,
    speed,
    setSpeed,
    /** Jumps to a position (pausing a playback). */
    seek: (p: number) => {
      setPlaying(false);
      setPosition(Math.max(0, Math.min(end, Math.round(p))));
    },
    /** Plays from here — from the start again when at the end. */
    play: () => {
      if (position >= end) setPosition(0);
      setPlaying(end > 0);
    },
    pause: () => setPlaying(false),
    /** Fetches the log again (the lesson went on) and shows the board as it is now. */
    reload: () => setVersion((v) => v + 1),
  };
}
