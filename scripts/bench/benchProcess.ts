import { fork, type ChildProcess } from "node:child_process";

/**
 * A process of the benchmark other than the one that runs it (the server under test, a
 * baseline server, the load generator), driven over Node's IPC channel with request/answer
 * messages. The message format ("advanced" serialization, so typed arrays cross as bytes):
 * the parent sends `{ id, kind, ...fields }`, the child answers `{ id, ok: true, value }` or
 * `{ id, ok: false, message }`; once ready the child sends `{ ready: value }` unprompted.
 */
export interface BenchProcess<Ready> {
  pid: number;
  /** What the child said once ready (its URL, for a server). */
  ready: Ready;
  request<T>(kind: string, fields?: Record<string, unknown>): Promise<T>;
  /** Asks the child to stop, and kills it if it has not exited within 10 s. */
  close(): Promise<void>;
}

/** A TypeScript entry runs under tsx with the workspace's source condition, as `npm run bench` itself does. */
export async function startBenchProcess<Ready>(entry: URL, options: { env?: Record<string, string>; startTimeoutMs?: number } = {}): Promise<BenchProcess<Ready>> {
  const typescript = entry.pathname.endsWith(".ts");
  const child = fork(entry, [], {
    execArgv: typescript ? ["--conditions=@mousetrail/source", "--import", "tsx"] : [],
    env: { ...process.env, ...options.env },
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const name = entry.pathname.split("/").pop() ?? "child";
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let exited: Error | null = null;
  let readyValue: { value: Ready } | null = null;
  const onReady = new Promise<Ready>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} did not start within ${options.startTimeoutMs ?? 120_000} ms`)), options.startTimeoutMs ?? 120_000);
    child.on("message", (message: { ready?: Ready; id?: number; ok?: boolean; value?: unknown; message?: string }) => {
      if ("ready" in message) {
        clearTimeout(timer);
        readyValue = { value: message.ready as Ready };
        resolve(message.ready as Ready);
        return;
      }
      const pending = waiting.get(message.id ?? -1);
      if (!pending) return;
      waiting.delete(message.id as number);
      if (message.ok) pending.resolve(message.value);
      else pending.reject(new Error(`${name}: ${message.message}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      exited = new Error(`${name} exited (${signal ?? `code ${code}`})`);
      if (!readyValue) reject(exited);
      for (const pending of waiting.values()) pending.reject(exited);
      waiting.clear();
    });
  });
  const ready = await onReady.catch((error: unknown) => {
    child.kill("SIGKILL");
    throw error;
  });
  let nextId = 0;
  return {
    pid: child.pid as number,
    ready,
    request<T>(kind: string, fields: Record<string, unknown> = {}) {
      if (exited) return Promise.reject(exited);
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send({ ...fields, id, kind });
      });
    },
    close: () => stopChild(child),
  };
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exit;
  clearTimeout(force);
}

/**
 * The child's side: answers the parent's requests with `handlers` and says it is ready. A
 * handler's error is sent back as the request's failure; SIGTERM runs `stop` and exits.
 */
export function serveBenchProcess(ready: unknown, handlers: Record<string, (message: Record<string, unknown>) => Promise<unknown> | unknown>, stop: () => Promise<void>): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error("a bench process runs as a child of `npm run bench`, with an IPC channel");
  process.on("message", (message: Record<string, unknown> & { id: number; kind: string }) => {
    const handler = handlers[message.kind];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no request named ${message.kind}`);
        return handler(message);
      })
      .then(
        (value) => send({ id: message.id, ok: true, value }),
        (error: unknown) => send({ id: message.id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  // The parent gone (crashed or killed) is this process's end too.
  process.once("disconnect", () => void stop().finally(() => process.exit(0)));
  process.once("SIGTERM", () => void stop().finally(() => process.exit(0)));
  send({ ready });
}
