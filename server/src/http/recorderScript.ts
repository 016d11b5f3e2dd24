import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Middleware } from "koa";

export interface RecorderScriptOptions {
  /**
   * The built script. By default the `@mousetrail/client-sdk/recorder.js` package export
   * (client-sdk/dist/recorder.js), found by Node's resolution from this file, so it works the same
   * from src/ under vitest and from dist/ at run time.
   */
  readonly bundlePath?: string;
}

interface LoadedBundle {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Buffer;
  readonly etag: string;
}

/** Until the bundle is built, every request says how to build it. */
const notBuiltMessage = "recorder.js has not been built: run `npm run build:recorder -w client-sdk`\n";

/**
 * `GET /recorder.js` (and HEAD): the recorder tenants embed with
 * `<script async src="https://<server>/recorder.js" data-site-key="pk_…">`.
 * - `Cross-Origin-Resource-Policy: cross-origin`, overriding securityHeaders' same-origin: the
 *   script is loaded by tenants' pages, and CORS is allowed for a tag with `crossorigin`.
 * - Cached for five minutes, then revalidated against a content-hash ETag (304 when unchanged):
 *   the URL never changes, so a fix to the recorder, privacy fixes included, reaches every site
 *   within minutes.
 * - 503 with how to build it while client-sdk/dist/recorder.js does not exist.
 * The file is read once, and again when it changes on disk (a rebuild during development).
 * Mount it after securityHeaders(), whose headers it relaxes.
 */
export function recorderScript(options: RecorderScriptOptions = {}): Middleware {
  let loaded: LoadedBundle | undefined;

  const load = async (path: string): Promise<LoadedBundle> => {
    const { mtimeMs, size } = await stat(path);
    if (loaded?.mtimeMs !== mtimeMs || loaded.size !== size) {
      const body = await readFile(path);
      loaded = { mtimeMs, size, body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
    }
    return loaded;
  };

  return async (ctx, next) => {
    if (ctx.path !== "/recorder.js" || (ctx.method !== "GET" && ctx.method !== "HEAD")) return next();
    const path = options.bundlePath ?? builtBundlePath();
    const bundle = path === null ? null : await load(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return null;
      throw error;
    });
    if (!bundle) {
      ctx.status = 503;
      ctx.set("Cache-Control", "no-store");
      ctx.type = "text/plain; charset=utf-8";
      ctx.body = notBuiltMessage;
      return;
    }
    ctx.set("Cross-Origin-Resource-Policy", "cross-origin");
    ctx.set("Access-Control-Allow-Origin", "*");
    ctx.set("Cache-Control", "public, max-age=300");
    ctx.etag = bundle.etag;
    ctx.status = 200;
    if (ctx.fresh) {
      ctx.status = 304;
      return;
    }
    ctx.type = "text/javascript; charset=utf-8";
    ctx.body = bundle.body;
  };
}

const require = createRequire(import.meta.url);

/** The bundle's path, or null while it has not been built (Node resolves exports to existing files only). */
function builtBundlePath(): string | null {
  try {
    return require.resolve("@mousetrail/client-sdk/recorder.js");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return null;
    throw error;
  }
}
