import { createSignal } from "solid-js";
import { describeApiError, type ApiErrorDescription } from "../api/describeApiError.js";

export interface Action<TArgs extends unknown[], TResult> {
  run(...args: TArgs): Promise<TResult | undefined>;
  pending(): boolean;
  error(): ApiErrorDescription | null;
  clearError(): void;
}

/**
 * A user-started call to the API: one at a time (a second click while it runs does nothing),
 * with its failure kept for the form to show beside the fields it names.
 */
export function createAction<TArgs extends unknown[], TResult>(perform: (...args: TArgs) => Promise<TResult>): Action<TArgs, TResult> {
  const [pending, setPending] = createSignal(false);
  const [error, setError] = createSignal<ApiErrorDescription | null>(null);
  return {
    async run(...args) {
      if (pending()) return undefined;
      setPending(true);
      setError(null);
      try {
        return await perform(...args);
      } catch (caught) {
        setError(describeApiError(caught));
        return undefined;
      } finally {
        setPending(false);
      }
    },
    pending,
    error,
    clearError: () => setError(null),
  };
}
