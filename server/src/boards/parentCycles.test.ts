import { describe, expect, it } from 'vitest';
import { keysInParentCycles } from './parentCycles.js';

const cyclesOf = (parents: Record<string, string>, from = Object.keys(parents)) =>
  [...keysInParentCycles(from, (key) => parents[key])].sort();

describe('keysInParentCycles', () => {
  it('finds a shape that is its own parent, and two that are each other’s', () => {
    expect(cyclesOf({ 'shape:a': 'shape:a' })).toEqual(['shape:a']);
    expect(cyclesOf({ 'shape:a': 'shape:b', 'shape:b': 'shape:a' })).toEqual(['shape:a', 'shape:b']);
  });

  it('names only the loop, not the shapes that hang from it', () => {
    const parents = {
      'shape:x': 'shape:a',
      'shape:a': 'shape:b',
      'shape:b': 'shape:c',
      'shape:c': 'shape:a',
    };
    expect(cyclesOf(parents, ['shape:x'])).toEqual(['shape:a', 'shape:b', 'shape:c']);
  });

  it('finds none in frames nested deep on a page, or under a parent that is not there', () => {
    const parents: Record<string, string> = { 'shape:f0': 'page:page' };
    for (let i = 1; i < 5_000; i++) parents[`shape:f${i}`] = `shape:f${i - 1}`;
    parents['shape:orphan'] = 'shape:gone';
    expect(cyclesOf(parents)).toEqual([]);
  });
});
