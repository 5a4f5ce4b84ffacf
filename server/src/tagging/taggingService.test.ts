import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContributionTag } from '@conjecture/shared';
import { silentLogger } from '../util/logger.js';
import { Scheduler } from '../util/scheduler.js';
import { loadTaggerModel } from './loadModel.js';
import { TaggingService } from './taggingService.js';
import type { TagStore } from './tagStore.js';

/** The tagger over an in-memory stand-in for its store, with a scheduler on vitest's fake timers. */
function tagger(debounceMs: number) {
  const stored = new Map<string, ContributionTag>();
  const store = {
    get: (id: string) => stored.get(id),
    ofBoard: (boardId: string) => [...stored.values()].filter((t) => t.boardId === boardId),
    // As the real store: a correction is kept beside the tag, through a new tag of the same contribution.
    put: (tag: Omit<ContributionTag, 'corrected'>) =>
      stored.set(tag.contributionId, {
        ...tag,
        corrected: stored.get(tag.contributionId)?.corrected ?? null,
      }),
    correct: (id: string, corrected: ContributionTag['corrected']) => {
      const tag = stored.get(id);
      if (tag) stored.set(id, { ...tag, corrected });
    },
    dropCorrection: (id: string) => {
      const tag = stored.get(id);
      if (tag) stored.set(id, { ...tag, corrected: null });
    },
  } as unknown as TagStore;
  const scheduler = new Scheduler();
  const service = new TaggingService({
    store,
    model: loadTaggerModel(undefined, silentLogger),
    now: () => 0,
    debounceMs,
    scheduler,
    placeOfBoard: () => ({ classId: 'class-1', groupId: 'group-1' }),
  });
  const tagged: string[] = [];
  service.on('tagged', (tag) => tagged.push(tag.text));
  return { service, scheduler, tagged, store };
}

describe('tagging board texts while their author types', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('tags a text once it has rested for the debounce, with the text it has then', () => {
    const { service, tagged } = tagger(1500);
    let text = 'because';
    service.boardTextChanged('board-1', 'shape:n', 'ana', () => text);
    vi.advanceTimersByTime(1000);
    text = 'because 9/12 is more than 8/12';
    service.boardTextChanged('board-1', 'shape:n', 'ana', () => text);
    vi.advanceTimersByTime(1499);
    expect(tagged).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(tagged).toEqual(['because 9/12 is more than 8/12']);
  });

  it('keeps a resting text its writer’s when a classmate moves the note before its tag is due', () => {
    const { service } = tagger(1500);
    const authors: string[] = [];
    service.on('tagged', (tag) => authors.push(tag.author));
    const text = '3/4 is more than 2/3 because 9/12';
    service.boardTextChanged('board-1', 'shape:n', 'ana', () => text);
    vi.advanceTimersByTime(1000);
    service.boardTextChanged('board-1', 'shape:n', 'ben', () => text); // Ben drags Ana's note
    vi.advanceTimersByTime(500);
    expect(authors).toEqual(['ana']); // due when Ana stopped typing, not pushed back by the drag
    service.boardTextChanged('board-1', 'shape:n', 'ben', () => text); // and again, once tagged
    vi.advanceTimersByTime(10_000);
    expect(authors).toEqual(['ana']);
  });

  it('gives a text to whoever rewrote it last, and ignores moves of a shape without text', () => {
    const { service, tagged } = tagger(1500);
    const authors: string[] = [];
    service.on('tagged', (tag) => authors.push(tag.author));
    service.boardTextChanged('board-1', 'shape:n', 'ana', () => 'it is 3/4');
    service.boardTextChanged('board-1', 'shape:n', 'ben', () => 'it is 3/4 of the whole');
    service.boardTextChanged('board-1', 'shape:box', 'ben', () => null);
    vi.advanceTimersByTime(10_000);
    expect(tagged).toEqual(['it is 3/4 of the whole']);
    expect(authors).toEqual(['ben']);
  });

  it('drops the teacher’s correction once the words it judged are rewritten, and keeps it while they stand', () => {
    const { service, store } = tagger(1500);
    const tags: ContributionTag[] = [];
    service.on('tagged', (tag) => tags.push(tag));
    let text = 'I think it is 3/4';
    service.boardTextChanged('board-1', 'shape:n', 'ana', () => text);
    vi.advanceTimersByTime(1500);
    const id = tags[0]!.contributionId;
    const correction = { move: 'providing_evidence_reasoning', questionType: null, question: false } as const;
    store.correct(id, correction, 0);
    // Moved, not rewritten: the same words, the correction stands.
    service.boardTextChanged('board-1', 'shape:n', 'ben', () => text);
    vi.advanceTimersByTime(1500);
    expect(store.get(id)?.corrected).toEqual(correction);
    // New words: the correction judged words no longer there.
    text = 'It is 3/4 because 9/12 is more than 8/12';
    service.boardTextChanged('board-1', 'shape:n', 'ana', () => text);
    vi.advanceTimersByTime(1500);
    expect(store.get(id)).toMatchObject({ text, corrected: null });
  });

  it('drops what is still waiting when its scheduler closes (the server shutting down)', () => {
    const { service, scheduler, tagged } = tagger(1500);
    service.boardTextChanged('board-1', 'shape:n', 'ana', () => 'I think it is 3/4');
    scheduler.close();
    vi.advanceTimersByTime(10_000);
    expect(tagged).toEqual([]);
  });
});
