/**
 * Freezes a plain JSON-like value and everything reachable from it, so a resolved policy cannot be
 * changed by the code it is passed to. Returns the same value, typed as deeply read-only.
 */
export type DeepReadonly<T> = T extends (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends object
    ? { readonly [Key in keyof T]: DeepReadonly<T[Key]> }
    : T;

export function deepFreeze<T>(value: T): DeepReadonly<T> {
  // Primitives, null and undefined included, count as frozen; an object frozen already is not walked again.
  if (!Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) deepFreeze(child);
  }
  return value as DeepReadonly<T>;
}
