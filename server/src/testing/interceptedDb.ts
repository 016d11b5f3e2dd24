import type { Db } from "mongodb";

/** One database call as an interceptor sees it: which collection, which method, the how-many-th of its kind. */
export interface InterceptedCall {
  collection: string;
  method: string;
  /** 1 for the first call of this method on this collection through this Db, 2 for the next, … */
  count: number;
}

export type Interceptor = (call: InterceptedCall, proceed: () => Promise<unknown>) => Promise<unknown>;

const interceptedMethods = new Set([
  "bulkWrite",
  "countDocuments",
  "deleteMany",
  "deleteOne",
  "distinct",
  "findOne",
  "findOneAndUpdate",
  "insertMany",
  "insertOne",
  "updateMany",
  "updateOne",
]);

/**
 * The same database, with `intercept` around every promise-returning call on its collections:
 * for tests that simulate a process dying at a chosen point (run the call, then throw) or
 * another writer acting between two calls (write, then proceed). Cursors pass through as they are.
 */
export function interceptedDb(db: Db, intercept: Interceptor): Db {
  const counts = new Map<string, number>();
  return new Proxy(db, {
    get(target, property) {
      if (property === "collection") {
        return (name: string, ...rest: unknown[]) => {
          const collection = (target.collection as (...args: unknown[]) => object)(name, ...rest);
          return new Proxy(collection, {
            get(inner, method) {
              const value = Reflect.get(inner, method, inner) as unknown;
              if (typeof value !== "function") return value;
              if (typeof method !== "string" || !interceptedMethods.has(method)) return value.bind(inner);
              return (...args: unknown[]) => {
                const key = `${name}.${method}`;
                const count = (counts.get(key) ?? 0) + 1;
                counts.set(key, count);
                return intercept({ collection: name, method, count }, () => Promise.resolve(value.apply(inner, args)));
              };
            },
          });
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** The error a simulated crash throws, so a test can tell it from a real failure. */
export class SimulatedCrash extends Error {
  override name = "SimulatedCrash";
}
