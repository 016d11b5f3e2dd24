import { Dialog } from "@kobalte/core/dialog";
import { createSignal, Show, type JSX } from "solid-js";
import type { ApiErrorDescription } from "../api/describeApiError.js";
import { ErrorNotice, TextField } from "./formControls.js";

export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  trigger: string;
  title: string;
  children: JSX.Element;
  /** For irreversible actions: the text the user must type (the site's name), exactly. */
  typeToConfirm?: string;
  confirmLabel: string;
  pending: boolean;
  error: ApiErrorDescription | null;
  /** Resolves true when the action succeeded and the dialog may close. */
  onConfirm(typed: string): Promise<boolean>;
}

/** An accessible modal (focus trapped, Escape closes) for actions that cannot be undone. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [open, setOpen] = createSignal(false);
  const [typed, setTyped] = createSignal("");
  const armed = () => props.typeToConfirm === undefined || typed() === props.typeToConfirm;
  return (
    <Dialog
      open={open()}
      onOpenChange={(value) => {
        setOpen(value);
        setTyped("");
      }}
    >
      <Dialog.Trigger class="danger">{props.trigger}</Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay class="dialog-overlay" />
        <div class="dialog-positioner">
          <Dialog.Content class="dialog">
            <Dialog.Title as="h2">{props.title}</Dialog.Title>
            <Dialog.Description as="div">{props.children}</Dialog.Description>
            <form
              class="stack"
              onSubmit={async (event) => {
                event.preventDefault();
                if (!armed()) return;
                if (await props.onConfirm(typed())) setOpen(false);
              }}
            >
              <ErrorNotice error={props.error} />
              <Show when={props.typeToConfirm !== undefined}>
                <TextField label={`Type “${props.typeToConfirm}” to confirm`} autocomplete="off" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} />
              </Show>
              <div class="row">
                <button type="submit" class="danger" disabled={!armed() || props.pending}>
                  {props.confirmLabel}
                </button>
                <Dialog.CloseButton class="secondary">Cancel</Dialog.CloseButton>
              </div>
            </form>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog>
  );
}
