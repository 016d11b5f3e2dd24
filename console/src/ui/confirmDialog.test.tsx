import { cleanup, fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfirmDialog } from "./confirmDialog.js";

describe("ConfirmDialog", () => {
  afterEach(cleanup);

  it("arms an irreversible action only once the name is typed exactly, and closes when it succeeded", async () => {
    const onConfirm = vi.fn(async () => true);
    render(() => (
      <ConfirmDialog trigger="Delete site" title="Delete Shop?" typeToConfirm="Shop" confirmLabel="Delete for good" pending={false} error={null} onConfirm={onConfirm}>
        <p>This cannot be undone.</p>
      </ConfirmDialog>
    ));
    fireEvent.click(screen.getByRole("button", { name: "Delete site" }));
    const confirm = await screen.findByRole("button", { name: "Delete for good" });
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    const typed = screen.getByLabelText("Type “Shop” to confirm");
    fireEvent.input(typed, { target: { value: "shop" } });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.input(typed, { target: { value: "Shop" } });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onConfirm).toHaveBeenCalledTimes(1));
    // Kobalte keeps a closing dialog mounted for its exit animation, marked data-closed.
    await waitFor(() => expect(screen.queryByRole("dialog")?.hasAttribute("data-closed") ?? true).toBe(true));
  });

  it("stays open and shows the server's message when the action failed", async () => {
    const error = { message: "Your role (analyst) cannot do this; it needs one of: owner, admin", fields: [], signInNeeded: false };
    render(() => (
      <ConfirmDialog trigger="Rotate key" title="Rotate?" confirmLabel="Rotate" pending={false} error={error} onConfirm={async () => false}>
        <p>The old snippet stops.</p>
      </ConfirmDialog>
    ));
    fireEvent.click(screen.getByRole("button", { name: "Rotate key" }));
    fireEvent.click(await screen.findByRole("button", { name: "Rotate" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Your role (analyst) cannot do this"));
    expect(screen.getByRole("dialog").hasAttribute("data-expanded")).toBe(true);
  });
});
