import { MongoClient } from "mongodb";
import request from "node:http";
import { describe, expect, inject, it } from "vitest";
import { createLogger } from "../logging/logger.js";
import { useTestServer } from "../testing/testServer.js";
import { testReceiptSigningKey } from "../testing/testReceiptKey.js";
import { createApp } from "./createApp.js";

async function get(app: ReturnType<typeof createApp>, path: string): Promise<{ status: number; body: unknown }> {
  const server = request.createServer(app.callback()).listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: response.status, body: await response.json() };
  } finally {
    server.close();
  }
}

describe("GET /healthz", () => {
  const server = useTestServer();

  it("reports ok with the database backend", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: { backend: "external", ok: true } });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 503 when the database is unreachable", async () => {
    const client = new MongoClient(inject("mongoUri"), { serverSelectionTimeoutMS: 500 });
    await client.connect();
    const db = client.db("healthz_down");
    await client.close();
    const app = createApp({
      services: { db, logger: createLogger({ level: "silent" }), sessionSecret: "x".repeat(32), receiptSigningKey: testReceiptSigningKey, now: () => new Date() },
      backend: "offline",
      trustProxy: false,
    });
    expect(await get(app, "/healthz")).toEqual({ status: 503, body: { status: "unavailable", db: { backend: "offline", ok: false } } });
  });
});
