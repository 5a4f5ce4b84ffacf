import { describe, expect, it } from 'vitest';
import { rankAlerts, type GroupSignals } from './alerts.js';

const MIN = 60_000;
const [RLO, RLI, FSI, PDI] = ['\u202e', '\u2067', '\u2068', '\u2069'];
const NOW = 100 * MIN;
const group = (name: string, over: Partial<GroupSignals> = {}): GroupSignals => ({
  groupId: `g-${name}`,
  name,
  boardId: `b-${name}`,
  raisedHands: [],
  members: [{ name: `${name}1`, lastContributionAt: NOW - MIN, online: true }],
  lastNewItemAt: NOW - MIN,
  startedAt: NOW - 30 * MIN,
  misconceptions: [],
  unansweredQuestions: [],
  ...over,
});

describe('rankAlerts', () => {
  it('leaves out groups that need nothing', () => {
    expect(rankAlerts([group('A'), group('B')], NOW)).toEqual([]);
  });

  it('quotes a question in an isolate, closing one its cut left open', () => {
    // a right-to-left word, an override left on an old board, and a writer's own isolate cut at 60 characters
    const text = `למה ${RLO}51? ${RLI}${'1 + '.repeat(20)}${PDI}`;
    const [alert] = rankAlerts(
      [group('Asked', { unansweredQuestions: [{ text, askedAt: NOW - 4 * MIN }] })],
      NOW,
    );
    const quoted = `${FSI}למה 51? ${RLI}${'1 + '.repeat(20).slice(0, 50)}${PDI}${PDI}`;
    expect(alert?.reasons[0]?.text).toBe(`question unanswered for 4 min: "${quoted}"`);
  });

  it('names a misconception in an isolate, so a right-to-left title or an old override cannot reorder the reason', () => {
    // a teacher's title in a right-to-left language, with an override from before the schema stripped them
    const [alert] = rankAlerts([group('Wrong', { misconceptions: [`משווה ${RLO}סכומים 3`] })], NOW);
    expect(alert?.reasons[0]?.text).toBe(`misconception: ${FSI}משווה סכומים 3${PDI}`);
  });

  it('ranks a hand above a misconception above an unanswered question above silence', () => {
    const ranked = rankAlerts(
      [
        group('Silent', { members: [{ name: 'Sam', lastContributionAt: NOW - 10 * MIN, online: true }] }),
        group('Asked', { unansweredQuestions: [{ text: 'Why 15?', askedAt: NOW - 4 * MIN }] }),
        group('Hand', { raisedHands: ['Ana'] }),
        group('Wrong', { misconceptions: ['Compares totals'] }),
      ],
      NOW,
    );
    expect(ranked.map((a) => a.name)).toEqual(['Hand', 'Wrong', 'Asked', 'Silent']);
    expect(ranked[0]?.reasons[0]).toEqual({ kind: 'hand', text: 'a hand raised (Ana)', since: null });
    expect(ranked[2]?.reasons[0]?.text).toBe('question unanswered for 4 min: "\u2068Why 15?\u2069"');
    expect(ranked[3]?.reasons).toEqual([
      { kind: 'silent', text: 'Sam silent for 10 min', since: NOW - 10 * MIN },
    ]);
  });

  it('adds reasons up, so two smaller reasons can outrank one larger', () => {
    const ranked = rankAlerts(
      [
        group('Hand', { raisedHands: ['Ana'] }),
        group('Stuck', {
          members: [{ name: 'Bo', lastContributionAt: NOW - 9 * MIN, online: true }],
          lastNewItemAt: NOW - 9 * MIN,
          misconceptions: ['Compares differences'],
        }),
      ],
      NOW,
    );
    expect(ranked.map((a) => a.name)).toEqual(['Stuck', 'Hand']);
    expect(ranked[0]?.reasons.map((r) => r.kind)).toEqual([
      'misconception',
      'silent',
      'no_new_representation',
    ]);
  });

  it('does not call absent members silent, and orders equals by the oldest reason then the name', () => {
    const absent = group('Absent', { members: [{ name: 'Al', lastContributionAt: null, online: false }] });
    expect(rankAlerts([absent], NOW)).toEqual([]);
    const older = group('Zed', { unansweredQuestions: [{ text: 'q', askedAt: NOW - 8 * MIN }] });
    const newer = group('Amy', { unansweredQuestions: [{ text: 'q', askedAt: NOW - 2 * MIN }] });
    const same = group('Bea', { unansweredQuestions: [{ text: 'q', askedAt: NOW - 2 * MIN }] });
    expect(rankAlerts([newer, same, older], NOW).map((a) => a.name)).toEqual(['Zed', 'Amy', 'Bea']);
  });

  it('says so when a group has put nothing on its board', () => {
    const idle = group('Idle', { lastNewItemAt: null, startedAt: NOW - 6 * MIN });
    expect(rankAlerts([idle], NOW)[0]?.reasons).toEqual([
      { kind: 'no_new_representation', text: 'nothing on the board for 6 min', since: NOW - 6 * MIN },
    ]);
  });
});
