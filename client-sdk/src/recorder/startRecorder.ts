import { createRecorder } from "./recorder.js";

export interface StartRecorderOptions {
  /** The site's public key from the Mousetrail console (`pk_` and 24 characters). */
  readonly siteKey: string;
  /** The Mousetrail server, e.g. `https://mousetrail.example.com`. */
  readonly serverUrl: string;
  /**
   * The visitor has consented already (a consent manager that starts the recorder only after
   * consent): the same as `data-consent="granted"` on the script tag.
   */
  readonly consentGranted?: boolean;
}

/** `window.mousetrail`: how the page, and its consent manager, talk to the recorder. */
export interface MousetrailController {
  /**
   * MS-4.2: the visitor's answer. `true` lets a site in `required` consent mode start recording;
   * `false` stops recording at once, in any mode, and removes the recorder's session and visitor
   * cookies. The answer can change later on the same page.
   */
  consent(granted: boolean): void;
  /**
   * MS-4.1, MS-1.11: stops recording at once and sets the disable cookie for its lifetime (a year),
   * so that nothing is recorded on this site until it expires or is removed.
   */
  optOut(): void;
}

declare global {
  interface Window {
    mousetrail?: MousetrailController;
  }
}

const inert: MousetrailController = { consent() {}, optOut() {} };

/**
 * Starts the recorder on this page and returns its controller, also installed as
 * `window.mousetrail` (the only global the recorder adds). A page has one recorder: called again,
 * or after the script tag started one, this returns the running recorder's controller.
 *
 *   import { startRecorder } from "@mousetrail/client-sdk/recorder";
 *   startRecorder({ siteKey: "pk_…", serverUrl: "https://mousetrail.example.com" });
 */
export function startRecorder(options: StartRecorderOptions): MousetrailController {
  // Outside a browser (server-side rendering) `window` throws, and the recorder stays inert.
  try {
    // A recorder already runs here (or something else owns the name): one is enough.
    const running = window.mousetrail;
    if (running) return running;
    if (!/^pk_[0-9a-z]{24}$/.test(options.siteKey)) return inert;
    const serverUrl = new URL(options.serverUrl, location.href).href.replace(/\/?$/, "/");
    const controller = createRecorder(options.siteKey, serverUrl, options.consentGranted === true);
    window.mousetrail = controller;
    return controller;
  } catch {
    return inert;
  }
}
