import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { collectPayloadSchema, type CollectPayload, type RecorderConfig } from "@mousetrail/server/ingest/collectPayload.schema";

export interface ReceivedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly contentType: string | undefined;
  readonly origin: string | undefined;
  readonly cookie: string | undefined;
  /** The decoded batch of a `POST /collect`, parsed with the collect endpoint's own schema. */
  readonly payload?: CollectPayload;
  /** The decoded body as text, for searching every string that was sent. */
  readonly body?: string;
}

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/**
 * One node:http server playing two parties, told apart by the Host header, so that the page and
 * the recorder are cross-origin as on a real tenant's site:
 * - `http://localhost:<port>/site/...`: the tenant's pages (`pages`), and `/site/api` for the
 *   host page's own fetch;
 * - `http://127.0.0.1:<port>/...`: Mousetrail: the scripts (`/recorder.js`, and what the ES module
 *   build needs), `/collect/config/<siteKey>`, and `POST /collect`, which stores what it receives
 *   (decompressing gzip) and answers 204 unless a test scripted other answers.
 */
export async function startFakeCollectServer(options: {
  scripts: (path: string) => string | undefined;
  pages: (name: string) => string | undefined;
}) {
  const received: ReceivedRequest[] = [];
  const answers: ScriptedAnswer[] = [];
  let config: RecorderConfig | undefined;

  const server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      response.statusCode = 500;
      response.end(String(error));
    });
  });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? "/", `http://${request.headers.host}`);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);

    if (url.hostname === "localhost") {
      if (url.pathname === "/site/api") return send(response, 200, { "Content-Type": "application/json" }, JSON.stringify({ ok: true }));
      const page = options.pages(url.pathname.replace(/^\/site\//, ""));
      return page === undefined ? send(response, 404, {}, "no such page") : send(response, 200, { "Content-Type": "text/html; charset=utf-8" }, page);
    }

    const seen = {
      method: request.method ?? "GET",
      path: url.pathname,
      query: url.searchParams,
      contentType: request.headers["content-type"],
      origin: request.headers.origin,
      cookie: request.headers.cookie,
    };
    const crossOrigin = { "Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After", "Cache-Control": "no-store" };
    const script = options.scripts(url.pathname);
    if (script !== undefined) {
      return send(response, 200, { ...crossOrigin, "Content-Type": "text/javascript", "Cross-Origin-Resource-Policy": "cross-origin" }, script);
    }
    received.push(request.method === "POST" ? { ...seen, ...decode(raw, url) } : seen);
    if (url.pathname.startsWith("/collect/config/")) {
      return config && url.pathname.endsWith(`/${config.siteKey}`)
        ? send(response, 200, { ...crossOrigin, "Content-Type": "application/json" }, JSON.stringify(config))
        : send(response, 404, crossOrigin, "");
    }
    if (url.pathname === "/collect" && request.method === "POST") {
      const answer = answers.shift() ?? { status: 204 };
      const body = answer.body === undefined ? "" : JSON.stringify(answer.body);
      return send(response, answer.status, { ...crossOrigin, "Content-Type": "application/json", ...answer.headers }, body);
    }
    return send(response, 404, crossOrigin, "");
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    /** The tenant's site. */
    siteOrigin: `http://localhost:${port}`,
    /** Mousetrail. */
    mousetrailOrigin: `http://127.0.0.1:${port}`,
    received,
    /** Every batch received, in arrival order. */
    get batches(): CollectPayload[] {
      return received.flatMap((request) => (request.payload ? [request.payload] : []));
    },
    get collectRequests(): ReceivedRequest[] {
      return received.filter((request) => request.path === "/collect");
    },
    setConfig(next: RecorderConfig) {
      config = next;
    },
    /** Answers for the next `POST /collect` requests, in order; 204 after that. */
    answerNext(...next: ScriptedAnswer[]) {
      answers.push(...next);
    },
    reset() {
      received.length = 0;
      answers.length = 0;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeCollectServer = Awaited<ReturnType<typeof startFakeCollectServer>>;

function decode(raw: Buffer, url: URL): { payload?: CollectPayload; body: string } {
  const body = (url.searchParams.get("enc") === "gzip" ? gunzipSync(raw) : raw).toString("utf8");
  // A batch the contract does not accept is stored without `payload`, which the tests look for.
  const parsed = collectPayloadSchema.safeParse(JSON.parse(body));
  return parsed.success ? { payload: parsed.data, body } : { body };
}

function send(response: ServerResponse, status: number, headers: Record<string, string>, body: string): void {
  response.writeHead(status, headers);
  response.end(body);
}
