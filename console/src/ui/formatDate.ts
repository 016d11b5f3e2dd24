/** Dates as the reader's locale writes them, in UTC so everyone reading a shared link sees the same. */
export function formatDate(iso: string | null | undefined, empty = "never"): string {
  if (!iso) return empty;
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
