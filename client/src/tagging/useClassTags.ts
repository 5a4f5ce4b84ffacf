import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContributionTag, CorrectTagBody, TagSummary } from '@conjecture/shared';
import { TEACHER_AUTH, type ClassAuth } from '../api/http.js';
import { useStableAuth } from '../api/useStableAuth.js';
import { useSocketEvent, type ClassSocket } from '../classroom/useClassSocket.js';
import { correctTag, getClassTags, getTagSummary } from './tagsApi.js';

export interface ClassTags {
  /** Every tagged contribution of the class, oldest first; a correction replaces the tag in place. */
  tags: ContributionTag[];
  summary: TagSummary | null;
  /** A failed load or correction, in words. */
  error: string | null;
  correct: (contributionId: string, correction: CorrectTagBody) => Promise<void>;
}

/** Replaces a tag with a newer copy of itself (a correction, a re-tagged text) or appends a new one. */
export function upsertTag(tags: readonly ContributionTag[], tag: ContributionTag): ContributionTag[] {
  const at = tags.findIndex((t) => t.contributionId === tag.contributionId);
  if (at === -1) return [...tags, tag];
  const next = [...tags];
  next[at] = tag;
  return next;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The teacher's view of the class's tags: loaded once, kept current by `contributionTagged` (and
 * `contributionUntagged`: a deleted reply's tag leaves the list); the summary is the server's (corrections
 * applied there), fetched again after each tag — at most one request in flight, with one more queued if tags
 * arrived meanwhile. Nothing is asked before the teacher is signed in.
 * A coach passes its token and no socket: the tags as they were when loaded.
 */
export function useClassTags(
  classId: string,
  socket: ClassSocket | null,
  signedIn: boolean,
  auth: ClassAuth = TEACHER_AUTH,
): ClassTags {
  const credential = useStableAuth(auth);
  const [tags, setTags] = useState<ContributionTag[]>([]);
  const [summary, setSummary] = useState<TagSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const summaryFetch = useRef<{ running: boolean; again: boolean }>({ running: false, again: false });

  const refreshSummary = useCallback(() => {
    const state = summaryFetch.current;
    if (state.running) {
      state.again = true;
      return;
    }
    state.running = true;
    void getTagSummary(classId, credential)
      .then(setSummary, (e: unknown) => setError(messageOf(e)))
      .finally(() => {
        state.running = false;
        if (state.again) {
          state.again = false;
          refreshSummary();
        }
      });
  }, [classId, credential]);

  // Only once the teacher link's key was traded for the cookie: before that every call is refused.
  useEffect(() => {
    if (!signedIn) return;
    let cancelled = false;
    getClassTags(classId, credential).then(
      (loaded) => {
        // Tags heard live before the load answered are newer than the loaded copies.
        if (!cancelled) setTags((live) => live.reduce(upsertTag, loaded));
      },
      (e: unknown) => !cancelled && setError(messageOf(e)),
    );
    refreshSummary();
    return () => {
      cancelled = true;
    };
  }, [classId, credential, refreshSummary, signedIn]);

  useSocketEvent(socket, 'contributionTagged', ({ tag }) => {
    setTags((current) => upsertTag(current, tag));
    refreshSummary();
  });
  useSocketEvent(socket, 'contributionUntagged', ({ contributionId }) => {
    setTags((current) => current.filter((t) => t.contributionId !== contributionId));
    refreshSummary();
  });

  const correct = useCallback(
    async (contributionId: string, correction: CorrectTagBody) => {
      try {
        setError(null);
        const corrected = await correctTag(classId, contributionId, correction);
        setTags((current) => upsertTag(current, corrected));
        refreshSummary();
      } catch (e) {
        setError(`The correction was not saved: ${messageOf(e)}`);
      }
    },
    [classId, refreshSummary],
  );

  return { tags, summary, error, correct };
}
