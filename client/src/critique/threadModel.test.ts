import { describe, expect, it } from 'vitest';
import { critiqueIdFor, type CritiqueReply, type CritiqueThread } from '@conjecture/shared/board/index';
import { isCritiqueThread, mayResolveThread, pinLabel, placePins, threadView } from './threadModel.js';

const reply = (replyId: string, authorId: string, createdAt: number, extra: Partial<CritiqueReply> = {}) =>
  ({
    replyId,
    authorId,
    stance: 'disagree',
    text: `text ${replyId}`,
    createdAt,
    editedAt: null,
    ...extra,
  }) as const;

const thread = (shapeId: string, replies: CritiqueReply[], resolved: CritiqueThread['resolved'] = null) =>
  ({
    id: critiqueIdFor(shapeId),
    typeName: 'critique',
    shapeId,
    createdBy: replies[0]?.authorId ?? 'nobody',
    createdAt: replies[0]?.createdAt ?? 0,
    resolved,
    replies,
    meta: {},
  }) as CritiqueThread;

const names: Record<string, string> = { ada: 'Ada', bruno: 'Bruno', teacher: 'Teacher' };
const resolveName = (id: string) => names[id] ?? 'someone';

describe('threadView', () => {
  const t = thread('shape:line', [reply('r2', 'bruno', 20), reply('r1', 'ada', 10), reply('r3', 'ada', 20)]);

  it('orders replies oldest first, keeping the stored order on equal times, with names resolved', () => {
    const view = threadView(t, { userId: 'ada', isTeacher: false }, resolveName, 'ada');
    expect(view.replies.map((r) => r.replyId)).toEqual(['r1', 'r2', 'r3']);
    expect(view.replies.map((r) => r.authorName)).toEqual(['Ada', 'Bruno', 'Ada']);
    expect(view.replies[0]?.stanceLabel).toBe('Disagree');
  });

  it('offers edit and delete on the viewer’s own replies only, and on all to the teacher', () => {
    const asBruno = threadView(t, { userId: 'bruno', isTeacher: false }, resolveName, 'ada');
    expect(asBruno.replies.map((r) => r.mayChange)).toEqual([false, true, false]);
    const asTeacher = threadView(t, { userId: 'teacher', isTeacher: true }, resolveName, 'ada');
    expect(asTeacher.replies.every((r) => r.mayChange)).toBe(true);
  });

  it('offers resolve to the shape’s creator and the teacher, not to a critic', () => {
    expect(threadView(t, { userId: 'ada', isTeacher: false }, resolveName, 'ada').mayResolve).toBe(true);
    expect(threadView(t, { userId: 'bruno', isTeacher: false }, resolveName, 'ada').mayResolve).toBe(false);
    expect(threadView(t, { userId: 'teacher', isTeacher: true }, resolveName, 'ada').mayResolve).toBe(true);
  });

  it('names who resolved it and marks edited replies', () => {
    const done = thread('shape:x', [reply('r1', 'bruno', 1, { editedAt: 5 })], { by: 'ada', at: 9 });
    const view = threadView(done, { userId: 'bruno', isTeacher: false }, resolveName, 'ada');
    expect(view.resolved).toEqual({ byName: 'Ada', at: 9 });
    expect(view.replies[0]?.edited).toBe(true);
  });
});

describe('mayResolveThread', () => {
  it('lets the server decide while the authorship is unknown, but not for a shape with no known creator', () => {
    expect(mayResolveThread({ userId: 'bruno', isTeacher: false }, undefined)).toBe(true);
    expect(mayResolveThread({ userId: 'bruno', isTeacher: false }, null)).toBe(false);
  });
});

describe('placePins', () => {
  const bounds = { minX: 10, minY: 20, maxX: 110, maxY: 70 };

  it('puts a pin on the top-right corner of each critiqued shape, with its count and resolved state', () => {
    const pins = placePins(
      [
        thread('shape:b', [reply('r1', 'ada', 1), reply('r2', 'bruno', 2)], { by: 'ada', at: 3 }),
        thread('shape:a', [reply('r3', 'ada', 1)]),
      ],
      () => bounds,
    );
    expect(pins).toEqual([
      {
        shapeId: 'shape:a',
        threadId: 'critique:a',
        x: 110,
        y: 20,
        count: 1,
        resolved: false,
        latest: { stance: 'disagree', text: 'text r3' },
      },
      {
        shapeId: 'shape:b',
        threadId: 'critique:b',
        x: 110,
        y: 20,
        count: 2,
        resolved: true,
        latest: { stance: 'disagree', text: 'text r2' },
      },
    ]);
  });

  it('skips threads whose shape is not on this page and threads with no replies left', () => {
    const pins = placePins(
      [thread('shape:gone', [reply('r1', 'ada', 1)]), thread('shape:empty', [])],
      (id) => (id === 'shape:gone' ? null : bounds),
    );
    expect(pins).toEqual([]);
  });

  it('gives no pin to a shape outside the page (Infinity, NaN, 1e308)', () => {
    const t = [thread('shape:a', [reply('r1', 'ada', 1)])];
    for (const far of [Infinity, NaN, 1e308])
      expect(placePins(t, () => ({ minX: 0, minY: 0, maxX: far, maxY: 10 }))).toEqual([]);
  });

  it('follows the shape: new bounds give a new position', () => {
    const t = [thread('shape:a', [reply('r1', 'ada', 1)])];
    const moved = placePins(t, () => ({ minX: 300, minY: 400, maxX: 350, maxY: 450 }));
    expect(moved[0]).toMatchObject({ x: 350, y: 400 });
  });
});

describe('helpers', () => {
  it('recognises thread records and names pins', () => {
    expect(isCritiqueThread(thread('shape:a', []))).toBe(true);
    expect(isCritiqueThread({ typeName: 'shape' })).toBe(false);
    expect(pinLabel({ count: 1, resolved: false })).toBe('Critique: 1 reply');
    expect(pinLabel({ count: 3, resolved: true })).toBe('Critique: 3 replies, resolved');
  });

  it('announces a pin with its newest reply’s stance and words, cut to an excerpt', () => {
    const replies = [
      reply('r2', 'bruno', 20, { stance: 'build_on', text: ' and the ratio is the same ' }),
      reply('r1', 'ada', 10),
    ];
    const [pin] = placePins([thread('shape:a', replies)], () => ({ minX: 0, minY: 0, maxX: 10, maxY: 10 }));
    expect(pinLabel(pin!)).toBe(
      'Critique: 2 replies. Latest, build on: \u2068and the ratio is the same\u2069',
    );
    const long = pinLabel({ count: 1, resolved: false, latest: { stance: 'agree', text: 'x'.repeat(500) } });
    expect(long.length).toBeLessThan(200);
    expect(long.endsWith('…\u2069')).toBe(true);
  });

  it('isolates the newest reply’s words, so a right-to-left word or an old override cannot reorder the name', () => {
    // a reply in a right-to-left language, with an override written before the server stripped them
    const latest = { stance: 'disagree', text: 'לא \u202e3/4 כי' };
    expect(pinLabel({ count: 1, resolved: false, latest })).toBe(
      'Critique: 1 reply. Latest, disagree: \u2068לא 3/4 כי\u2069',
    );
  });
});
