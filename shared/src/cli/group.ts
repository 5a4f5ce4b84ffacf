// `pnpm --silent group < input.json`: one grouping problem in (JSON on stdin), the groups out (JSON on stdout).
// Input:  {"mode": "mix"|"similar"|"random", "groupSize": 4, "seed": 1,
//          "students": [{"id": "s1", "features": [0.3, -1.2]}], "keepApart": [["s1","s2"]], "keepTogether": [["s3","s4"]]}
// Output: {"groups": [["s1","s7","s9","s12"], ...], "objective": 123.4}
// Features are used exactly as given. The same input gives byte-identical output: ids are sorted within groups,
// groups by their first id, and the objective is rounded to OBJECTIVE_DECIMALS so floating noise cannot show.
// Bad input, and hard constraints that cannot all be met, print the problem on stderr and exit with code 2.
import { readFileSync } from 'node:fs';
import { groupByFeatures } from '../domain/grouping/featureGrouping.js';

const OBJECTIVE_DECIMALS = 6;
const EXIT_BAD_INPUT = 2;

function fail(lines: readonly string[]): never {
  process.stderr.write(`group: ${lines.join('\n       ')}\n`);
  process.exit(EXIT_BAD_INPUT);
}

function main(): void {
  const text = readFileSync(0, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    fail([`invalid JSON on stdin: ${err instanceof Error ? err.message : String(err)}`]);
  }
  const outcome = groupByFeatures(raw);
  if (!outcome.ok) {
    const heading =
      outcome.kind === 'infeasible' ? 'the hard constraints cannot all be met:' : 'invalid input:';
    fail([heading, ...outcome.errors]);
  }
  const factor = 10 ** OBJECTIVE_DECIMALS;
  const objective = Math.round(outcome.value.objective * factor) / factor;
  process.stdout.write(`${JSON.stringify({ groups: outcome.value.groups, objective })}\n`);
}

main();
