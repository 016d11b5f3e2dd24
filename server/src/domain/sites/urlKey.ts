/**
 * The page a URL names, for grouping reports: host and path, lower-case host, no query, no
 * fragment, no trailing slash (`https://Shop.example/cart/?x#y` → `shop.example/cart`).
 * Input is an already scrubbed URL (MS-1.3).
 */
export function urlKeyOf(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${parsed.host.toLowerCase()}${path}`;
  } catch {
    return "(invalid url)";
  }
}
