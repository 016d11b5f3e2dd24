import { PublicShell } from "../ui/publicShell.js";

export function NotFoundPage() {
  return (
    <PublicShell title="Page not found">
      <p>
        There is nothing at this address. <a href="/">Go to your console</a>.
      </p>
    </PublicShell>
  );
}
