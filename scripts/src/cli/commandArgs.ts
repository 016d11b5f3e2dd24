import { UsageError } from "./commandIo.js";

export interface ParsedOptions {
  positional: string[];
  flags: Map<string, string | true>;
}

export interface OptionRules {
  /** Options taking a value: `--tenant ID`. */
  flags?: string[];
  /** Options on their own: `--password-stdin`. */
  switches?: string[];
  positional: number;
  usage: string;
}

/** Strict: an unknown option, a missing value or a wrong number of arguments is a usage error. */
export function parseOptions(args: string[], rules: OptionRules): ParsedOptions {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (!arg.startsWith("--")) {
      positional.push(arg);
    } else if (rules.switches?.includes(arg)) {
      flags.set(arg, true);
    } else if (rules.flags?.includes(arg)) {
      const value = args[++index];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg} needs a value\n${rules.usage}`);
      flags.set(arg, value);
    } else {
      throw new UsageError(`unknown option ${arg}\n${rules.usage}`);
    }
  }
  if (positional.length !== rules.positional) {
    throw new UsageError(`expected ${rules.positional} argument${rules.positional === 1 ? "" : "s"} besides options, got ${positional.length}\n${rules.usage}`);
  }
  return { positional, flags };
}

/** A value option's value (switches are read with `flags.has`). */
export function flagValue(options: ParsedOptions, flag: string): string | undefined {
  const value = options.flags.get(flag);
  return typeof value === "string" ? value : undefined;
}
