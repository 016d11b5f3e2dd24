import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Static pages for Chromium, served by the bench on a loopback port of their own: a page
 * fulfilled by the browser's request interception counts as a public address to Chromium's
 * local network access rules, which then refuse it the server's /recorder.js on 127.0.0.1.
 */
export interface PageServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** Serves these files (path → content) from now on, in place of any before. */
  publish(files: ReadonlyMap<string, { type: string; body: string | Buffer }>): void;
  close(): Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  let files: ReadonlyMap<string, { type: string; body: string | Buffer }> = new Map();
  const server = createServer((request, response) => {
    const file = files.get(new URL(request.url ?? "/", "http://page").pathname);
    if (!file || request.method !== "GET") {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": file.type }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    publish(next) {
      files = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
