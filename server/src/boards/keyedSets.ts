/** Sets of record keys by another key (a shape's bindings, a shape's children), empty sets dropped. */
export class KeyedSets {
  private readonly sets = new Map<string, Set<string>>();

  add(by: string, key: string): void {
    const set = this.sets.get(by) ?? new Set<string>();
    set.add(key);
    this.sets.set(by, set);
  }

  delete(by: string, key: string): void {
    const set = this.sets.get(by);
    set?.delete(key);
    if (set?.size === 0) this.sets.delete(by);
  }

  get(by: string): ReadonlySet<string> {
    return this.sets.get(by) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();
