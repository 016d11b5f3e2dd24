import { Toast, toaster } from "@kobalte/core/toast";
import { Portal } from "solid-js/web";

/** Says that something worked, politely, without moving focus. */
export function notify(message: string): void {
  toaster.show((props) => (
    <Toast toastId={props.toastId} class="toast" as="div">
      <Toast.Description>{message}</Toast.Description>
      <Toast.CloseButton class="toast-close" aria-label="Dismiss">
        ×
      </Toast.CloseButton>
    </Toast>
  ));
}

export function ToastRegion() {
  return (
    <Portal>
      <Toast.Region duration={5000} aria-label="Notifications">
        {/* Not a list: each toast is a status region, which a list may not hold. */}
        <Toast.List class="toast-list" as="div" />
      </Toast.Region>
    </Portal>
  );
}
