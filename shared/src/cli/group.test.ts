// The `pnpm group` contract, exercised as other tools use it: a child process fed JSON on stdin.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const cli = fileURLToPath(new URL('./group.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

function run(stdin: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(tsx, [cli], { cwd: repoRoot, input: stdin, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const students = (n: number, dims = 2) =>
  Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    features: Array.from({ length: dims }, (_, d) => Math.sin(i * 1.7 + d * 0.9) * 3),
  }));

describe('pnpm group (child process)', { timeout: 120_000 }, () => {
  it('prints groups and the objective; the same input gives byte-identical output', () => {
    const input = JSON.stringify({
      mode: 'mix',
      groupSize: 4,
      seed: 7,
      students: students(14),
      keepApart: [['s1', 's2']],
      keepTogether: [['s3', 's4']],
    });
    const first = run(input);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout) as { groups: string[][]; objective: number };
    expect(out.groups.map((g) => g.length).sort()).toEqual([3, 3, 4, 4]);
    expect(out.groups.flat().sort()).toEqual(
      students(14)
        .map((s) => s.id)
        .sort(),
    );
    const groupOf = (id: string) => out.groups.findIndex((g) => g.includes(id));
    expect(groupOf('s1')).not.toBe(groupOf('s2'));
    expect(groupOf('s3')).toBe(groupOf('s4'));
    expect(typeof out.objective).toBe('number');
    expect(run(input).stdout).toBe(first.stdout);
  });

  it('uses features exactly as given: the objective is the within-group distance sum', () => {
    const input = {
      mode: 'similar',
      groupSize: 2,
      students: [
        { id: 'a', features: [0, 0] },
        { id: 'b', features: [3, 4] },
        { id: 'c', features: [0, 1] },
        { id: 'd', features: [3, 5] },
      ],
    };
    const out = JSON.parse(run(JSON.stringify(input)).stdout);
    expect(out).toEqual({
      groups: [
        ['a', 'c'],
        ['b', 'd'],
      ],
      objective: 2,
    });
  });

  it('handles N = 0, N < groupSize, missing seed, random mode', () => {
    expect(JSON.parse(run('{"students": []}').stdout)).toEqual({ groups: [], objective: 0 });
    const small = JSON.parse(run(JSON.stringify({ groupSize: 5, students: students(3) })).stdout);
    expect(small.groups).toEqual([['s1', 's2', 's3']]);
    const random = run(JSON.stringify({ mode: 'random', seed: 3, students: students(9) }));
    expect(random.code).toBe(0);
    expect(JSON.parse(random.stdout).groups).toHaveLength(3);
  });

  it.each([
    ['invalid JSON', '{"students": [', /invalid JSON/],
    [
      'duplicate ids',
      JSON.stringify({ students: [{ id: 'a' }, { id: 'a' }] }),
      /students\[1\]\.id: duplicate id "a"/,
    ],
    [
      'features of differing lengths',
      JSON.stringify({
        students: [
          { id: 'a', features: [1, 2] },
          { id: 'b', features: [1] },
        ],
      }),
      /students\[1\]\.features: has 1 values/,
    ],
    [
      'a non-number feature',
      '{"students": [{"id": "a", "features": [1, "NaN"]}]}',
      /students\[0\]\.features\[1\]/,
    ],
    [
      'unknown ids in constraints',
      JSON.stringify({ students: students(3), keepApart: [['s1', 'zz']] }),
      /keepApart\[0\]\[1\]: unknown student id "zz"/,
    ],
    ['groupSize 0', JSON.stringify({ groupSize: 0, students: students(3) }), /groupSize/],
    ['non-integer groupSize', JSON.stringify({ groupSize: 2.5, students: students(3) }), /groupSize/],
    ['an unknown mode', JSON.stringify({ mode: 'clever', students: students(3) }), /mode/],
  ])('rejects %s with exit code 2 and a message on stderr', (_name, stdin, message) => {
    const result = run(stdin);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });

  it('names the conflicting constraints when they cannot all be met', () => {
    const chain = run(
      JSON.stringify({
        groupSize: 2,
        students: students(4),
        keepTogether: [
          ['s1', 's2'],
          ['s2', 's3'],
        ],
      }),
    );
    expect(chain.code).toBe(2);
    expect(chain.stderr).toMatch(
      /keepTogether \[s1, s2\], keepTogether \[s2, s3\] join s1, s2, s3 \(3 students\)/,
    );
    const apartInside = run(
      JSON.stringify({
        groupSize: 4,
        students: students(4),
        keepTogether: [['s1', 's2']],
        keepApart: [['s2', 's1']],
      }),
    );
    expect(apartInside.stderr).toMatch(/keepApart \[s2, s1\] conflicts with keepTogether \[s1, s2\]/);
    const clique = run(
      JSON.stringify({
        groupSize: 3,
        students: students(6),
        keepApart: [
          ['s1', 's2'],
          ['s1', 's3'],
          ['s2', 's3'],
        ],
      }),
    );
    expect(clique.code).toBe(2);
    expect(clique.stderr).toMatch(/s1, s2, s3 must all be in different groups .*only 2 groups/);
  });
});
