/**
 * A schema (or any object) built on its first use instead of when its module is imported.
 *
 * The wire contract is a few hundred zod schemas, and importing the routes table built every one of them: on a
 * page's first load that was 30–90 ms of the first script task at full speed (about four times that on a
 * throttled Chromebook), for schemas most pages never parse with. Behind this proxy a schema costs nothing
 * until something reads it — a parse, a `.shape`, another schema built from it — and is then built once and
 * used directly; callers see the same object for their whole life, so identity holds.
 *
 * Every operation is forwarded to the built schema. Descriptors are reported configurable because the proxy's
 * own target is an empty object (a proxy may not claim a non-configurable property its target lacks).
 */
export function lazySchema<T extends object>(build: () => T): T {
  let built: T | undefined;
  const real = (): T => {
    if (built === undefined) {
      built = build();
      buildCount += 1;
    }
    return built;
  };
  return new Proxy({} as T, {
    get: (_target, key) => {
      const schema = real();
      return Reflect.get(schema, key, schema);
    },
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_target, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(real(), key);
      return descriptor && { ...descriptor, configurable: true };
    },
    defineProperty: (_target, key, descriptor) => Reflect.defineProperty(real(), key, descriptor),
    deleteProperty: (_target, key) => Reflect.deleteProperty(real(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(real()),
  });
}

let buildCount = 0;

/** How many lazy schemas have been built in this process (tests: importing a module builds none). */
export function lazySchemasBuilt(): number {
  return buildCount;
}
