import { isMousetrailError } from "@mousetrail/client-sdk";

export interface ApiErrorDescription {
  /** One sentence for the person at the screen: the server's own message, never a stack or JSON. */
  message: string;
  /** Refused input, by field (`allowedOrigins.0`), for showing next to the control. */
  fields: { field: string; message: string }[];
  /** The session ended or never began: the screen should offer to sign in. */
  signInNeeded: boolean;
}

/** What a failed call means to the user, whatever was thrown. */
export function describeApiError(error: unknown): ApiErrorDescription {
  if (isMousetrailError(error)) {
    const data = error.data;
    if (!data) {
      return { message: "The Mousetrail server could not be reached. Check your connection and try again.", fields: [], signInNeeded: false };
    }
    const fields = (data.issues ?? []).filter((issue) => issue.field !== "");
    const retry = data.retryAfterSeconds ? ` Try again in ${data.retryAfterSeconds} s.` : "";
    return { message: `${error.message}${retry}`, fields, signInNeeded: data.appCode === "UNAUTHENTICATED" };
  }
  return { message: "Something went wrong in the console. Reload the page and try again.", fields: [], signInNeeded: false };
}

/** The message for one field of a refused input (`name`, or any `allowedOrigins.N` under `allowedOrigins`). */
export function fieldError(description: ApiErrorDescription | null | undefined, field: string): string | undefined {
  return description?.fields.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`))?.message;
}
