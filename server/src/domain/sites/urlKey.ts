/**
 * The page a URL names, for grouping reports: host and path, lower-case host, no query, no
 * trailing slash (`https://Shop.example/cart/?x#y` → `shop.example/cart`). A fragment names a
 * page only when it is a client-side route, `#/...` or `#!/...` (hash-routed single-page
 * applications: `https://app.example/#/settings/` → `app.example#/settings`); any other fragment
 * is an anchor within the page and is dropped. Input is an already scrubbed URL (MS-1.3).
 */
export function urlKeyOf(url: string): string {
  try {
    const parsed = new URL(url);
    const path = parsed.pathname.replace(/\/+$/, "");
    return `${parsed.host.toLowerCase()}${path}${hashRouteOf(parsed.hash)}`;
  } catch {
    return "(invalid url)";
  }
}

/** `#/a/b/` → `#/a/b`, `#!/a` → `#!/a`; an anchor (`#top`) or the bare root route (`#/`) → "". */
function hashRouteOf(hash: string): string {
  const route = /^#!?\//.test(hash) ? hash.replace(/\/+$/, "") : "";
  return /^#!?$/.test(route) ? "" : route;
}
