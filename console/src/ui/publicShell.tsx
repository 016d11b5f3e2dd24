import type { ParentProps } from "solid-js";

/** The frame of the pages before a tenant is chosen: sign-in, sign-up, invitations, account. */
export function PublicShell(props: ParentProps<{ title: string }>) {
  return (
    <div class="public-shell">
      <header class="public-header">
        <a class="brand" href="/">
          Mousetrail
        </a>
      </header>
      <main id="main" class="public-main">
        <h1>{props.title}</h1>
        {props.children}
      </main>
      <ServerLinks />
    </div>
  );
}

/** What this server offers besides the console (the old home page's links). */
export function ServerLinks() {
  return (
    <footer class="server-links">
      <nav aria-label="This server">
        <ul>
          <li>
            <a href="/demo/">The demo shop</a>
          </li>
          <li>
            <a href="/openapi.json">The API (OpenAPI 3.1)</a>
          </li>
          <li>
            <a href="/stats">Platform statistics</a>
          </li>
          <li>
            <a href="/healthz">Health check</a>
          </li>
        </ul>
      </nav>
    </footer>
  );
}
