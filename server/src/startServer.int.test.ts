import { connect } from "node:net";
import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { createLogger } from "./logging/logger.js";
import { startServer } from "./startServer.js";
import { testReceiptSigningKeyPem } from "./testing/testReceiptKey.js";

describe("graceful shutdown", () => {
  it("stops accepting, finishes the in-flight request, then closes the database", async () => {
    const running = await startServer(
      {
        port: 0,
        mongodbUri: inject("mongoUri"),
        dbName: `test_${randomBytes(6).toString("hex")}`,
        dataDir: "/nonexistent",
        sessionSecret: "test-session-secret-test-session-secret",
        receiptSigningKey: testReceiptSigningKeyPem,
        trustProxy: false,
      },
      createLogger({ level: "silent" }),
    );
    const port = Number(new URL(running.url).port);
    const body = JSON.stringify({ email: "nobody@example.test", password: "wrong password" });

    // An in-flight request: headers and half of the body sent before shutdown starts.
    const socket = connect(port, "127.0.0.1");
    await new Promise((resolve) => socket.once("connect", resolve));
    let response = "";
    socket.on("data", (chunk) => (response += String(chunk)));
    const ended = new Promise((resolve) => socket.once("close", resolve));
    socket.write(
      `POST /trpc/auth.signIn HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nx-mousetrail-csrf: 1\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    const stopped = running.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${running.url}/healthz`)).rejects.toThrow();

    socket.write(body.slice(10));
    await ended;
    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(response).toContain("Wrong email or password");
    await stopped;
    await expect(running.database.db.command({ ping: 1 })).rejects.toThrow();
  });
});
