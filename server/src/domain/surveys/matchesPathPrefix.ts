/**
 * Whether a page path falls under a survey's display rule. Prefixes match whole path segments:
 * `/pricing` matches `/pricing` and `/pricing/teams` but not `/pricing-old`; a prefix ending in
 * `/` (such as `/` itself) matches everything below it.
 */
export function matchesPathPrefix(path: string, prefix: string): boolean {
  if (prefix.endsWith("/")) return path.startsWith(prefix);
  return path === prefix || path.startsWith(`${prefix}/`);
}
