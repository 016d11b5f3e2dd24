/**
 * `https://Shop.Example.com/` → `https://shop.example.com`. Returns null for anything that is
 * not an http(s) origin (paths, queries and credentials are not part of an origin).
 */
export function normalizeOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return null;
  return url.origin;
}
