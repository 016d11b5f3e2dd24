// @ts-check
/**
 * The load generator, in a worker thread of the benchmark's process so that its event loop
 * never delays the server's (the server runs on the main thread). It sends prepared bodies
 * with node:http over keep-alive connections, a fixed number of requests in flight, and
 * measures each acknowledgement from the request's start to its response's end. Plain
 * JavaScript: Node 20 does not hand tsx's loader to worker threads. Messages: loadClient.ts.
 */
import http from "node:http";
import { parentPort } from "node:worker_threads";

/** @typedef {{ bodies: Uint8Array[]; events: number[]; userAgent: string }} Visit */

/** @type {Map<string, Visit[]>} */
const pools = new Map();

if (!parentPort) throw new Error("loadWorker.mjs runs as a worker thread");
const port = parentPort;

port.on("message", (/** @type {any} */ message) => {
  if (message.kind === "pool") {
    pools.set(message.name, message.visits);
    port.postMessage({ kind: "pooled", name: message.name });
  } else if (message.kind === "drop") {
    pools.delete(message.name);
  } else if (message.kind === "run") {
    run(message.options).then(
      (result) => port.postMessage({ kind: "result", result }, [result.latencies.buffer]),
      (/** @type {Error} */ error) => port.postMessage({ kind: "error", message: error.stack ?? String(error) }),
    );
  }
});

/**
 * Each of `concurrency` slots takes the next visit and sends its bodies in order, one at a time,
 * as one browser tab does; the run ends after `requests` requests, or when the pool is used up.
 * With `repeat` the pool is cycled instead (for a baseline that does not care about duplicates).
 * @param {{ pool: string; url: string; headers: Record<string, string>; concurrency: number; requests: number; repeat: boolean; expectStatus: number }} options
 */
async function run(options) {
  const visits = pools.get(options.pool);
  if (!visits) throw new Error(`no pool named ${options.pool}`);
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies = new Float64Array(options.requests);
  /** @type {Record<string, number>} */
  const statuses = {};
  /** @type {string[]} */
  const unexpected = [];
  let sent = 0;
  let measured = 0;
  let events = 0;
  let bytes = 0;
  let nextVisit = 0;

  /** The next visit, or null once a pool that is not cycled is used up. */
  const takeVisit = () => {
    if (nextVisit >= visits.length) {
      if (!options.repeat) return null;
      nextVisit = 0;
    }
    return /** @type {Visit} */ (visits[nextVisit++]);
  };

  const slot = async () => {
    for (let visit = takeVisit(); visit && sent < options.requests; visit = takeVisit()) {
      // Each tab is its own browser: its User-Agent header is the one recorded with it.
      const headers = { ...options.headers, "user-agent": visit.userAgent };
      for (let index = 0; index < visit.bodies.length && sent < options.requests; index++) {
        sent++;
        const body = /** @type {Uint8Array} */ (visit.bodies[index]);
        const started = performance.now();
        const { status, response } = await post(agent, target, headers, body);
        latencies[measured++] = performance.now() - started;
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (status === options.expectStatus) {
          events += /** @type {number} */ (visit.events[index]);
          bytes += body.byteLength;
        } else if (unexpected.length < 5) {
          unexpected.push(`${status} ${Buffer.concat(response).toString("utf8").slice(0, 300)}`);
        }
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, slot));
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { requests: measured, elapsedMs, events, bytes, statuses, unexpected, latencies: latencies.subarray(0, measured).slice() };
}

/**
 * @param {http.Agent} agent
 * @param {URL} target
 * @param {Record<string, string>} headers
 * @param {Uint8Array} body
 * @returns {Promise<{ status: number; response: Buffer[] }>}
 */
function post(agent, target, headers, body) {
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
        /** @type {Buffer[]} */
        const chunks = [];
        response.on("data", (chunk) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, response: chunks }));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}
