import { startRecorder } from "./startRecorder.js";

/**
 * The script-tag recorder (dist/recorder.js):
 *
 *   <script async src="https://<server>/recorder.js" data-site-key="pk_…"></script>
 *
 * The server is wherever the script came from; `data-consent="granted"` tells the recorder that a
 * consent manager enabled the tag after the visitor consented (MS-4.2).
 */
try {
  const script = document.currentScript as HTMLScriptElement | null;
  if (script?.src) {
    startRecorder({
      siteKey: script.dataset.siteKey ?? "",
      serverUrl: new URL(".", script.src).href,
      consentGranted: script.dataset.consent === "granted",
    });
  }
} catch {
  // The recorder never breaks the page that embeds it.
}
