// Profile-based grouping, late arrivals, explanations and the drag-to-adjust preview.
import { describe, expect, it } from 'vitest';
import { DEFAULT_ITEM_BANK } from '../diagnostics/defaultBank.js';
import { scoreDiagnostic, type DiagnosticProfile } from '../diagnostics/profile.js';
import { objectiveChange } from './adjust.js';
import { distanceMatrix, withinGroupSum } from './distance.js';
import { explainGroups } from './explain.js';
import { placeLateArrivals } from './lateArrivals.js';
import { groupByProfiles, mainMisconceptions } from './profileGrouping.js';
import { createRng, randomFeatures } from './test/bruteForce.js';

const bank = DEFAULT_ITEM_BANK;

function classOf(n: number, seed: number): { id: string; profile: DiagnosticProfile | null }[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, (_, s) => ({
    id: `st${String(s).padStart(2, '0')}`,
    profile:
      s === n - 1
        ? null // skipped the diagnostic
        : scoreDiagnostic(
            bank,
            bank.items.map((item) => ({
              itemId: item.id,
              optionId: item.options[rng.next() < 0.5 ? 0 : 1 + rng.int(3)]!.id,
              confidence: 1 + rng.int(4),
            })),
          ),
  }));
}

describe('grouping from profiles', () => {
  const students = classOf(22, 5);

  it('mix spreads profiles more than similar, and both meet the size rule', () => {
    const mix = groupByProfiles({ bank, students, mode: 'mix', groupSize: 4, seed: 1 });
    const similar = groupByProfiles({ bank, students, mode: 'similar', groupSize: 4, seed: 1 });
    if (!mix.ok || !similar.ok) throw new Error('unexpected conflict');
    expect(mix.objective).toBeGreaterThan(similar.objective);
    for (const g of [...mix.groups, ...similar.groups]) expect([3, 4]).toContain(g.length);
    expect(mix.groups.flat().sort()).toEqual(students.map((s) => s.id));
  });

  it('misconception mode puts students sharing a main misconception together more than mix does', () => {
    const main = mainMisconceptions(
      bank,
      students.map((s) => s.profile),
    );
    const mainOf = new Map(students.map((s, i) => [s.id, main[i]]));
    const sharedPairs = (groups: string[][]): number =>
      groups.reduce((t, g) => {
        let c = 0;
        for (let x = 0; x < g.length; x++)
          for (let y = x + 1; y < g.length; y++) {
            const m = mainOf.get(g[x]!);
            if (m !== undefined && m >= 0 && m === mainOf.get(g[y]!)) c++;
          }
        return t + c;
      }, 0);
    const around = groupByProfiles({ bank, students, mode: 'misconception', groupSize: 4, seed: 1 });
    const mix = groupByProfiles({ bank, students, mode: 'mix', groupSize: 4, seed: 1 });
    if (!around.ok || !mix.ok) throw new Error('unexpected conflict');
    expect(sharedPairs(around.groups)).toBeGreaterThan(sharedPairs(mix.groups));
  });

  it('avoids last time’s pairings when asked, and reports unknown ids and conflicts', () => {
    const first = groupByProfiles({ bank, students, mode: 'similar', groupSize: 4, seed: 1 });
    if (!first.ok) throw new Error('unexpected conflict');
    const pairs = (groups: string[][]) =>
      new Set(groups.flatMap((g) => g.flatMap((a) => g.filter((b) => a < b).map((b) => `${a}|${b}`))));
    const again = groupByProfiles({
      bank,
      students,
      mode: 'similar',
      groupSize: 4,
      seed: 1,
      previousGroups: first.groups,
      softGoals: { avoidRepeats: 10 },
    });
    if (!again.ok) throw new Error('unexpected conflict');
    const repeated = [...pairs(again.groups)].filter((p) => pairs(first.groups).has(p)).length;
    expect(repeated).toBe(0);
    const bad = groupByProfiles({
      bank,
      students,
      mode: 'mix',
      groupSize: 4,
      seed: 1,
      keepApart: [['st00', 'nobody']],
    });
    expect(bad.ok ? [] : bad.errors).toEqual(['keepApart[0]: unknown student id "nobody"']);
  });

  it('explains every student and every group in plain words', () => {
    const keepTogether = [['st01', 'st02']] as const;
    const result = groupByProfiles({
      bank,
      students,
      mode: 'mix',
      groupSize: 4,
      seed: 2,
      keepTogether: [...keepTogether],
    });
    if (!result.ok) throw new Error('unexpected conflict');
    const profiles = new Map(students.map((s) => [s.id, s.profile]));
    for (const mode of ['mix', 'similar', 'misconception', 'random'] as const) {
      const text = explainGroups({
        bank,
        mode,
        groups: result.groups,
        profiles,
        keepTogether: [...keepTogether],
      });
      expect(text.groups).toHaveLength(result.groups.length);
      for (const s of students) expect(text.students[s.id]?.length ?? 0).toBeGreaterThan(10);
      expect(text.students.st01).toContain('Kept with st02, as you asked.');
    }
  });

  it('does not claim a different way of thinking for students whose answers were the same', () => {
    const allRight = scoreDiagnostic(
      bank,
      bank.items.map((item) => ({
        itemId: item.id,
        optionId: item.options.find((o) => o.correct)!.id,
        confidence: 4,
      })),
    );
    const profiles = new Map(['a', 'b', 'c'].map((id) => [id, allRight]));
    const text = explainGroups({ bank, mode: 'mix', groups: [['a', 'b', 'c']], profiles });
    for (const id of ['a', 'b', 'c']) {
      expect(text.students[id]).not.toContain('different way of thinking');
      expect(text.students[id]).toContain('Answered much like the groupmates');
    }
    // …nor call the group mixed
    expect(text.groups[0]).toMatch(/^Alike \(the diagnostic shows little to mix\): strengths in/);
  });
});

describe('late arrivals', () => {
  const n = 11;
  const distances = distanceMatrix(randomFeatures(createRng(3), n, 3));
  const groups = [
    [0, 1, 2],
    [3, 4, 5],
    [6, 7],
  ];

  it('fill the smallest groups first without moving anyone, honouring keep-apart and keep-together', () => {
    const result = placeLateArrivals({
      groups,
      arrivals: [8, 9, 10],
      distances,
      n,
      mode: 'mix',
      seed: 1,
      keepApart: [[9, 0]],
      keepTogether: [[10, 4]],
    });
    expect(result.groups[2]).toContain(8); // the only group of 2
    for (let g = 0; g < groups.length; g++)
      expect(result.groups[g]!.slice(0, groups[g]!.length)).toEqual(groups[g]);
    expect(result.groups[0]).not.toContain(9);
    expect(result.groups[1]).toContain(10);
    const sizes = result.groups.map((g) => g.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(result.unplaced).toEqual([]);
  });

  it('report an arrival that cannot be placed rather than breaking a constraint', () => {
    const result = placeLateArrivals({
      groups: [
        [0, 1],
        [2, 3],
      ],
      arrivals: [4],
      distances,
      n,
      mode: 'mix',
      seed: 1,
      keepApart: [
        [4, 0],
        [4, 2],
      ],
      keepTogether: [],
    });
    expect(result.unplaced).toHaveLength(1);
    expect(result.groups).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});

describe('drag-to-adjust preview', () => {
  it('gives exactly the change in the objective for random moves and swaps', () => {
    const rng = createRng(9);
    const n = 13;
    const distances = distanceMatrix(randomFeatures(rng, n, 3));
    const groups = [
      [0, 1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
      [10, 11, 12],
    ];
    for (let t = 0; t < 50; t++) {
      const i = rng.int(n);
      const j = rng.int(n);
      const before = withinGroupSum(distances, n, groups);
      const after = groups.map((g) => g.map((x) => (x === i ? j : x === j ? i : x)));
      const change = objectiveChange(distances, n, groups, { kind: 'swap', first: i, second: j });
      if (groups.findIndex((g) => g.includes(i)) === groups.findIndex((g) => g.includes(j)))
        expect(change).toBeNull();
      else expect(change).toBeCloseTo(withinGroupSum(distances, n, after) - before, 10);
      const to = rng.int(groups.length);
      const moved = groups.map((g, gi) =>
        gi === to ? [...g.filter((x) => x !== i), i] : g.filter((x) => x !== i),
      );
      const moveChange = objectiveChange(distances, n, groups, { kind: 'move', student: i, toGroup: to });
      if (groups[to]!.includes(i)) expect(moveChange).toBeNull();
      else expect(moveChange).toBeCloseTo(withinGroupSum(distances, n, moved) - before, 10);
    }
  });
});
