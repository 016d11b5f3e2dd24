import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { gunzip } from "node:zlib";
import Router from "@koa/router";
import Koa from "koa";
import { MongoClient } from "mongodb";
import { collectLimits } from "@mousetrail/server/ingest/collectPayload.schema";
import { readBoundedBody } from "@mousetrail/server/http/readBoundedBody";
import { serveBenchProcess } from "./benchProcess.js";

const gunzipAsync = promisify(gunzip);

/** The collection B3 stores into (in the bench's database, dropped with it). */
export const storeBaselineCollection = "benchB3Batches";

/**
 * A baseline server, a process of its own like the server under test, on the same Koa and
 * router with nothing else in between; `POST /collect` reads the body with the same bounded
 * reader as the real route, then, by BENCH_BASELINE:
 * - `echo` (B1): sends it back: the least a Koa route can do with a batch;
 * - `store` (B3): gunzips it (same limit as the real route), parses the JSON and inserts it as
 *   one document whose _id is the batch's (site key, session, page, seq): the least any durable
 *   ingest can do on this database. A replayed batch is a duplicate key, answered 204 too.
 *
 * Environment: BENCH_BASELINE, and for `store` BENCH_MONGODB_URI and BENCH_DB_NAME.
 */
async function run(): Promise<void> {
  const mode = process.env.BENCH_BASELINE;
  if (mode !== "echo" && mode !== "store") throw new Error(`BENCH_BASELINE: must be echo or store, got ${mode}`);
  const app = new Koa();
  const router = new Router();
  let client: MongoClient | null = null;
  if (mode === "echo") {
    router.post("/collect", async (ctx) => {
      ctx.type = "text/plain";
      ctx.body = await readBoundedBody(ctx.req, collectLimits.maxBodyBytes);
    });
  } else {
    const uri = process.env.BENCH_MONGODB_URI;
    const dbName = process.env.BENCH_DB_NAME;
    if (!uri || !dbName) throw new Error("BENCH_MONGODB_URI and BENCH_DB_NAME: required for the store baseline");
    client = await new MongoClient(uri, { appName: "bench-b3" }).connect();
    const batches = client.db(dbName).collection<{ _id: string }>(storeBaselineCollection);
    router.post("/collect", async (ctx) => {
      const body = await readBoundedBody(ctx.req, collectLimits.maxBodyBytes);
      const text = await gunzipAsync(body, { maxOutputLength: collectLimits.maxDecompressedBytes });
      const batch = JSON.parse(text.toString("utf8")) as { siteKey: string; sessionId: string; pageId: string; seq: number };
      try {
        await batches.insertOne({ ...batch, _id: `${batch.siteKey}/${batch.sessionId}/${batch.pageId}/${batch.seq}` });
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
      ctx.status = 204;
    });
  }
  app.use(router.routes());
  const server = createServer(app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  serveBenchProcess({ url: `http://127.0.0.1:${port}` }, {}, async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    await client?.close();
  });
}

run().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
