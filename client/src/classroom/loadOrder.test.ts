import { describe, expect, it } from 'vitest';
import { LoadOrder } from './loadOrder.js';

describe('LoadOrder', () => {
  it('applies the answer of the only load', () => {
    const order = new LoadOrder();
    expect(order.verdict(order.begin())).toBe('apply');
  });

  it('drops an earlier load’s answer once a later load has started, whatever order they answer in', () => {
    const order = new LoadOrder();
    const onMount = order.begin();
    const onConnect = order.begin();
    expect(order.verdict(onConnect)).toBe('apply');
    expect(order.verdict(onMount)).toBe('superseded');
  });

  it('asks again when an event came after the load was asked (its answer may predate the event)', () => {
    const order = new LoadOrder();
    const asked = order.begin();
    order.event(); // e.g. groupAssigned while /me was on its way
    expect(order.verdict(asked)).toBe('askAgain');
    const again = order.begin();
    expect(order.verdict(again)).toBe('apply');
  });
});
