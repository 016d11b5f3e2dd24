import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Router from "@koa/router";
import Koa from "koa";
import { collectLimits } from "@mousetrail/server/ingest/collectPayload.schema";
import { readBoundedBody } from "@mousetrail/server/http/readBoundedBody";

/**
 * Baseline B1: the least a Koa route in this process can do with a batch. `POST /collect`
 * reads the body with the same bounded reader as the real route and sends it back, on the
 * same Koa and router, with nothing else in between.
 */
export async function startBareEchoServer(): Promise<{ url: string; close(): Promise<void> }> {
  const app = new Koa();
  const router = new Router();
  router.post("/collect", async (ctx) => {
    ctx.type = "text/plain";
    ctx.body = await readBoundedBody(ctx.req, collectLimits.maxBodyBytes);
  });
  app.use(router.routes());
  const server: Server = createServer(app.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
