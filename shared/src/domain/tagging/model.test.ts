import { readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';
import { decodeRoleModel, encodeRoleModel } from './model.js';
import { loadTalkMovesModel } from './modelFile.js';

describe('base64', () => {
  it('round-trips bytes of every length', () => {
    for (let n = 0; n < 9; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 0xff);
      expect(decodeBase64(encodeBase64(bytes))).toEqual(bytes);
    }
    expect(encodeBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(() => decodeBase64('a$b=')).toThrow();
  });
});

describe('weight quantization and pruning', () => {
  const bits = 10;
  const weights = Float32Array.from({ length: 3 << bits }, (_, i) => Math.sin(i) * (i % 7 === 0 ? 3 : 0.05));

  it('keeps large and small weights close, with their signs, when nothing is pruned', () => {
    const decoded = decodeRoleModel(encodeRoleModel(['a', 'b', 'c'], [0.5, 0, -0.5], weights), bits);
    expect(Array.from(decoded.bias)).toEqual([0.5, 0, -0.5]);
    let worst = 0;
    for (let i = 0; i < weights.length; i++) {
      worst = Math.max(worst, Math.abs(decoded.weights[i]! - weights[i]!));
      if (Math.abs(weights[i]!) > 0.02) expect(Math.sign(decoded.weights[i]!)).toBe(Math.sign(weights[i]!));
    }
    expect(worst).toBeLessThan(0.05);
  });

  it('keeps the strongest slots within the byte budget and zeroes the rest', () => {
    const encoded = encodeRoleModel(['a', 'b', 'c'], [0, 0, 0], weights, 600);
    expect(decodeBase64(encoded.slots).length + decodeBase64(encoded.weights).length).toBeLessThanOrEqual(
      600,
    );
    const decoded = decodeRoleModel(encoded, bits);
    const kept = new Set<number>();
    for (let i = 0; i < decoded.weights.length; i++)
      if (decoded.weights[i] !== 0) kept.add(Math.floor(i / 3));
    expect(kept.size).toBeGreaterThan(100);
    // No dropped slot is stronger (largest weight against its class's largest) than a kept one.
    const scale = [0, 1, 2].map((c) => Math.max(...weights.filter((_, i) => i % 3 === c).map(Math.abs)));
    const strength = (slot: number) =>
      Math.max(...[0, 1, 2].map((c) => Math.abs(weights[slot * 3 + c]!) / scale[c]!));
    const slots = Array.from({ length: 1 << bits }, (_, slot) => slot);
    const weakestKept = Math.min(...slots.filter((s) => kept.has(s)).map(strength));
    const strongestDropped = Math.max(...slots.filter((s) => !kept.has(s)).map(strength));
    expect(weakestKept).toBeGreaterThanOrEqual(strongestDropped);
  });

  it('ranks slots by weight times usage when usage is given', () => {
    const usage = new Float64Array(1 << bits);
    usage[5] = 1000;
    const w = new Float32Array(3 << bits).fill(0.5);
    w.fill(0.01, 15, 18); // slot 5 is weak but used a thousand times more than any other
    const decoded = decodeRoleModel(encodeRoleModel(['a', 'b', 'c'], [0, 0, 0], w, 4, usage), bits);
    expect(decoded.weights[16]).not.toBe(0);
    expect(decoded.weights[0]).toBe(0);
  });
});

describe('the committed model file', () => {
  const path = new URL('../../../models/talkmoves.json', import.meta.url);
  const json = JSON.parse(readFileSync(path, 'utf8'));

  it('is at most 1 MB', () => {
    expect(statSync(path).size).toBeLessThanOrEqual(1_000_000);
  });

  it('loads, and carries the dataset licence and attribution', () => {
    const model = loadTalkMovesModel(json);
    expect(model.file.license).toBe('CC-BY-NC-SA-4.0');
    expect(model.file.attribution).toContain('TalkMoves');
    expect(model.file.attribution).toContain('Suresh');
    expect(model.roles.teacher.labels).toHaveLength(7);
    expect(model.roles.student.labels).toHaveLength(5);
    expect(model.questionTypes.linear.labels).toHaveLength(4);
  });

  it('refuses a file of another format or with truncated weights', () => {
    expect(() => loadTalkMovesModel({ ...json, format: 'other/1' })).toThrow();
    const truncated = { ...json.roles.student, weights: json.roles.student.weights.slice(0, 1000) };
    expect(() => loadTalkMovesModel({ ...json, roles: { ...json.roles, student: truncated } })).toThrow(
      /bytes/,
    );
  });
});
