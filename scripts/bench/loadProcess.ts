/**
 * The load generator, a process of its own (started by loadClient.ts), so that neither its
 * event loop nor its CPU is the server's. It sends prepared bodies with node:http over
 * keep-alive connections, a fixed number of requests in flight, and measures each
 * acknowledgement from the request's start to its response's end.
 */
import http from "node:http";
import { serveBenchProcess } from "./benchProcess.js";
import type { LoadRunOptions, LoadRunResult } from "./loadClient.js";
import type { Visit } from "./recorderBatches.js";

const pools = new Map<string, Visit[]>();

serveBenchProcess(
  { pid: process.pid },
  {
    pool: (message) => {
      pools.set(message.name as string, message.visits as Visit[]);
      return null;
    },
    drop: (message) => {
      pools.delete(message.name as string);
      return null;
    },
    run: (message) => run(message.options as LoadRunOptions),
  },
  async () => {},
);

/**
 * Each of `concurrency` slots takes the next visit and sends its bodies in order, one at a time,
 * as one browser tab does; the run ends after `requests` requests, or when the pool is used up.
 * With `repeat` the pool is cycled instead (for a baseline that does not care about duplicates).
 */
async function run(options: LoadRunOptions): Promise<LoadRunResult> {
  const visits = pools.get(options.pool);
  if (!visits) throw new Error(`no pool named ${options.pool}`);
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies = new Float64Array(options.requests);
  const statuses: Record<string, number> = {};
  const unexpected: string[] = [];
  let sent = 0;
  let measured = 0;
  let events = 0;
  let bytes = 0;
  let nextVisit = 0;

  /** The next visit, or null once a pool that is not cycled is used up. */
  const takeVisit = (): Visit | null => {
    if (nextVisit >= visits.length) {
      if (!options.repeat) return null;
      nextVisit = 0;
    }
    return visits[nextVisit++] as Visit;
  };

  const slot = async () => {
    for (let visit = takeVisit(); visit && sent < options.requests; visit = takeVisit()) {
      // Each tab is its own browser: its User-Agent header is the one recorded with it.
      const headers = { ...options.headers, "user-agent": visit.userAgent };
      for (let index = 0; index < visit.bodies.length && sent < options.requests; index++) {
        sent++;
        const body = visit.bodies[index] as Uint8Array;
        const started = performance.now();
        const { status, response } = await post(agent, target, headers, body);
        latencies[measured++] = performance.now() - started;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === options.expectStatus) {
          events += visit.events[index] as number;
          bytes += body.byteLength;
        } else if (unexpected.length < 5) {
          unexpected.push(`${status} ${Buffer.concat(response).toString("utf8").slice(0, 300)}`);
        }
      }
    }
  };

  // The wall clock too: the server stamps what it stores with it (receivedAt, rollup.appliedAt).
  const startedAtMs = Date.now();
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, slot));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { requests: measured, startedAtMs, elapsedMs, events, bytes, statuses, unexpected, latencies: latencies.slice(0, measured) };
}

function post(agent: http.Agent, target: URL, headers: Record<string, string>, body: Uint8Array): Promise<{ status: number; response: Buffer[] }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: "POST",
        headers: { ...headers, "content-length": String(body.byteLength) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, response: chunks }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
