import type { Middleware } from "koa";
import type { Db } from "mongodb";
import type { DatabaseBackend } from "../db/connectMongo.js";

const pingTimeoutMs = 2_000;

/** `GET /healthz`: 200 when the database answers a ping, 503 when it does not. */
export function healthz(db: Db, backend: DatabaseBackend): Middleware {
  return async (ctx) => {
    const ok = await pingDatabase(db);
    ctx.status = ok ? 200 : 503;
    ctx.set("Cache-Control", "no-store");
    ctx.body = { status: ok ? "ok" : "unavailable", db: { backend, ok } };
  };
}

async function pingDatabase(db: Db): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), pingTimeoutMs);
  });
  try {
    return await Promise.race([db.command({ ping: 1 }).then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
