import { createLogger } from "@mousetrail/server/logging/logger";
import { ConfigError, loadConfig, type Config } from "@mousetrail/server/config/config";
import { connectMongo, type DatabaseConnection } from "@mousetrail/server/db/connectMongo";

/** What a command reads and writes, so tests run it in-process with their own environment. */
export interface CommandIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
  /** Everything on standard input (for a password given by a pipe rather than on the command line). */
  readStdin(): Promise<string>;
}

export class UsageError extends Error {
  override name = "UsageError";
}

/** The process's own streams: what `npm run verify` and `npm run admin` run with. */
export function processIo(): CommandIo {
  return {
    env: process.env,
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of process.stdin) {
        size += (chunk as Buffer).length;
        if (size > 64 * 1024) throw new UsageError("standard input: more than 64 KiB; expected one password");
        chunks.push(chunk as Buffer);
      }
      return Buffer.concat(chunks).toString("utf8");
    },
  };
}

/**
 * Opens the installation's database exactly as `npm start` does: the same configuration
 * (MONGODB_URI, MOUSETRAIL_DATA_DIR, ...) and the same resolution chain (connectMongo.ts), so
 * it works on a stopped server's data directory. Logs go to stderr, results to stdout.
 */
export async function withInstallationDatabase<T>(io: CommandIo, work: (database: DatabaseConnection, config: Config) => Promise<T>): Promise<T> {
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const logger = createLogger({ level: io.env.LOG_LEVEL ?? "warn", destination: { write: (line: string) => io.err(line.trimEnd()) } });
  const database = await connectMongo({ uri: config.mongodbUri, dataDir: config.dataDir, logger });
  try {
    return await work(database, config);
  } finally {
    await database.close();
  }
}

/** Runs a command as a process: usage errors exit 2, failed checks 1 (the command's own answer). */
export async function runAsProcess(command: (args: string[], io: CommandIo) => Promise<number>): Promise<void> {
  const io = processIo();
  try {
    process.exitCode = await command(process.argv.slice(2), io);
  } catch (error) {
    io.err(error instanceof UsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = error instanceof UsageError ? 2 : 1;
  }
}
