import { ADDRESS_BUDGET_FACTOR, type EventBudget } from '@conjecture/shared';
import { KeyedBudget } from './keyedBudget.js';

export type AddressSpend = 'updates' | 'rejections';

/**
 * A board's write budgets per client address, for connections whose user is a `?user=` claim (boards outside
 * any class): each claim gets a user's budgets, so a client claiming a fresh user per connection would get
 * them again and again. Its writes also spend its address's, worth ADDRESS_BUDGET_FACTOR users (an address
 * may be a school's NAT), as the REST routes charge a caller without credentials. Kept per address past its
 * connections (a KeyedBudget forgets a key only once it is full again): reconnecting earns nothing back.
 * Connections with a credential pass `null` and spend nothing here.
 */
export class AddressBudgets {
  private readonly budgets: Record<AddressSpend, KeyedBudget>;

  /** `perUser`: one user's budgets (rate and burst), of which an address gets ADDRESS_BUDGET_FACTOR. */
  constructor(perUser: Record<AddressSpend, EventBudget>, now: () => number) {
    const scaled = ({ perSecond, burst }: EventBudget) =>
      new KeyedBudget(perSecond * ADDRESS_BUDGET_FACTOR, burst * ADDRESS_BUDGET_FACTOR, now);
    this.budgets = { updates: scaled(perUser.updates), rejections: scaled(perUser.rejections) };
  }

  /** Takes `cost` from the address's budget if it has it (always, for `null`: no address to charge). */
  take(address: string | null, spend: AddressSpend, cost = 1): boolean {
    return address === null || this.budgets[spend].take(address, cost);
  }

  /** Takes `cost` whatever is left (see TokenBucket.charge). */
  charge(address: string | null, spend: AddressSpend, cost: number): void {
    if (address !== null) this.budgets[spend].charge(address, cost);
  }
}
