import { createSignal } from "solid-js";

/** Copies a value shown on the page (a snippet, a key shown once) and says so to screen readers. */
export function CopyButton(props: { value: string; label: string }) {
  const [state, setState] = createSignal<"idle" | "copied" | "failed">("idle");
  return (
    <span class="copy">
      <button
        type="button"
        class="secondary"
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(props.value);
            setState("copied");
          } catch (error) {
            // The clipboard is refused on insecure origins or without permission: say to copy by hand.
            if (error instanceof Error) setState("failed");
            else throw error;
          }
        }}
      >
        {props.label}
      </button>
      <span role="status" class="copy-status">
        {state() === "copied" ? "Copied." : state() === "failed" ? "Copy is blocked here: select the text and copy it by hand." : ""}
      </span>
    </span>
  );
}
