import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from './base64.js';
import { decodeRoleModel, encodeRoleModel, loadTalkMovesModel } from './model.js';

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

describe('weight quantization', () => {
  it('keeps large and small weights close, with their signs', () => {
    const bits = 10;
    const weights = Float32Array.from(
      { length: 3 << bits },
      (_, i) => Math.sin(i) * (i % 7 === 0 ? 3 : 0.05),
    );
    const decoded = decodeRoleModel(encodeRoleModel(['a', 'b', 'c'], [0.5, 0, -0.5], weights), bits);
    expect(Array.from(decoded.bias)).toEqual([0.5, 0, -0.5]);
    let worst = 0;
    for (let i = 0; i < weights.length; i++) {
      worst = Math.max(worst, Math.abs(decoded.weights[i]! - weights[i]!));
      if (Math.abs(weights[i]!) > 0.02) expect(Math.sign(decoded.weights[i]!)).toBe(Math.sign(weights[i]!));
    }
    expect(worst).toBeLessThan(0.05);
  });
});

describe('the committed model file', () => {
  const json = JSON.parse(readFileSync(new URL('../../../models/talkmoves.json', import.meta.url), 'utf8'));

  it('loads, and carries the dataset licence and attribution', () => {
    const model = loadTalkMovesModel(json);
    expect(model.file.license).toBe('CC-BY-NC-SA-4.0');
    expect(model.file.attribution).toContain('TalkMoves');
    expect(model.file.attribution).toContain('Suresh');
    expect(model.roles.teacher.labels).toHaveLength(7);
    expect(model.roles.student.labels).toHaveLength(5);
  });

  it('refuses a file of another format or with truncated weights', () => {
    expect(() => loadTalkMovesModel({ ...json, format: 'other/1' })).toThrow();
    const truncated = { ...json.roles.student, weights: json.roles.student.weights.slice(0, 1000) };
    expect(() => loadTalkMovesModel({ ...json, roles: { ...json.roles, student: truncated } })).toThrow(
      /bytes/,
    );
  });
});
