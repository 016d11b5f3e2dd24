import { randomBytes } from "node:crypto";
import { MongoClient, type Db } from "mongodb";
import { afterAll, beforeAll, inject } from "vitest";
import { ensureIndexes } from "../db/ensureIndexes.js";
import { publishBuiltInPolicies } from "../domain/privacy/policyLibrary.js";
// The types of inject("mongoUri"), declared by the global setup that provides it.
import type {} from "./globalDatabase.js";

export interface TestDatabase {
  readonly db: Db;
  readonly client: MongoClient;
  readonly name: string;
}

/** A fresh database for one test file (so files run in parallel), dropped afterwards. */
export function useTestDatabase(): TestDatabase {
  const name = `test_${randomBytes(6).toString("hex")}`;
  const state: { client?: MongoClient; db?: Db } = {};
  beforeAll(async () => {
    state.client = await new MongoClient(inject("mongoUri")).connect();
    state.db = state.client.db(name);
    await ensureIndexes(state.db);
    await publishBuiltInPolicies(state.db, new Date());
  });
  afterAll(async () => {
    await state.db?.dropDatabase();
    await state.client?.close();
  });
  return {
    name,
    get db() {
      if (!state.db) throw new Error("useTestDatabase: the database is ready only inside tests and hooks");
      return state.db;
    },
    get client() {
      if (!state.client) throw new Error("useTestDatabase: the client is ready only inside tests and hooks");
      return state.client;
    },
  };
}
