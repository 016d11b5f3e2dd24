import { resetPassword } from "@mousetrail/server/domain/auth/resetPassword";
import { rotateReceiptSigningKey } from "@mousetrail/server/domain/receipts/rotateReceiptSigningKey";
import { AppError } from "@mousetrail/server/errors/appError";
import { parseOptions } from "./commandArgs.js";
import { UsageError, withInstallationDatabase, type CommandIo } from "./commandIo.js";

export const adminUsage = [
  "Usage (run where the server runs, with its configuration; the server may be stopped):",
  "  npm run admin -- reset-password EMAIL [--password-stdin]",
  "      set a new password (printed once; or read from standard input) and sign the user out everywhere",
  "  npm run admin -- rotate-receipt-key",
  "      replace the data directory's receipt signing key; old receipts keep verifying (restart the servers after)",
].join("\n");

/** `npm run admin -- ...`: operator tasks on a self-hosted installation, each written to the platform audit chain. */
export async function runAdminCommand(args: string[], io: CommandIo, now: () => Date = () => new Date()): Promise<number> {
  const [task, ...rest] = args;
  if (task === "reset-password") {
    const options = parseOptions(rest, { switches: ["--password-stdin"], positional: 1, usage: adminUsage });
    const email = options.positional[0]!;
    const newPassword = options.flags.has("--password-stdin") ? (await io.readStdin()).replace(/\r?\n$/, "") : undefined;
    return withInstallationDatabase(io, async ({ db }) => {
      const reset = await resetPassword(db, { email, newPassword, operator: "operator-cli", now: now() }).catch(asUsageError);
      io.out(`Password of ${reset.email} reset; ${reset.sessionsSignedOut} session(s) signed out. Recorded in the platform audit log.`);
      if (reset.generated) io.out(`New password (shown once): ${reset.password}`);
      return 0;
    });
  }
  if (task === "rotate-receipt-key") {
    parseOptions(rest, { positional: 0, usage: adminUsage });
    return withInstallationDatabase(io, async ({ db }, config) => {
      const rotation = await rotateReceiptSigningKey(db, { configuredPem: config.receiptSigningKey, dataDir: config.dataDir, now: now() }).catch(asUsageError);
      io.out(`Receipt signing key rotated: ${rotation.retired.keyId} retired (still published), ${rotation.current.keyId} signs from the servers' next start.`);
      return 0;
    });
  }
  throw new UsageError(task === undefined || task === "--help" ? adminUsage : `admin: unknown task "${task}"\n${adminUsage}`);
}

/** The operator's mistakes (unknown email, short password, a configured key) are usage errors. */
function asUsageError(error: unknown): never {
  if (error instanceof AppError || error instanceof RangeError) throw new UsageError(error instanceof AppError ? error.userMessage : error.message);
  throw error;
}
