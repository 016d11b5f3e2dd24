/**
 * How many generated cases a slow property test runs. `npm test` runs `full`; the mutation run
 * (`vitest.mutation.config.ts`) sets MOUSETRAIL_PROPERTY_RUNS lower, because Stryker re-runs these
 * tests for every mutant they cover and 300 generated recordings cost seconds each time. The
 * lowered count still kills the mutants these properties are there for (README "Mutation testing").
 */
export function propertyRuns(full: number): number {
  const configured = process.env["MOUSETRAIL_PROPERTY_RUNS"];
  if (configured === undefined || configured === "") return full;
  const runs = Number(configured);
  if (!Number.isSafeInteger(runs) || runs < 1) {
    throw new Error(`MOUSETRAIL_PROPERTY_RUNS: expected a whole number of at least 1, got "${configured}"`);
  }
  return Math.min(runs, full);
}
