import { record } from "@rrweb/record";
import { decideRecording, type ConsentAnswer } from "@mousetrail/policies/enforce/decideRecording";
import { hasOptOutQueryParameter } from "@mousetrail/policies/enforce/hasOptOutQueryParameter";
import type { CollectPayload } from "@mousetrail/server/ingest/collectPayload.schema";
import { createUploader, flushIntervalMs, maxQueuedChars, maxQueuedEvents, type Uploader } from "./batchUploader.js";
import { contained } from "./contained.js";
import { documentCookieJar, type CookieJar } from "./cookies.js";
import { createEventQueue } from "./eventQueue.js";
import { createFieldMasking, isValidSelector } from "./fieldMasking.js";
import { maskFieldValues } from "./maskFieldValues.js";
import { currentView, loadTimeMs, recordableUrl, technicalInfo } from "./pageView.js";
import { randomId } from "./randomId.js";
import { fetchRecorderConfig, type LoadedConfig } from "./recorderConfig.js";
import { rrwebRecordOptions } from "./rrwebOptions.js";
import { watchUrlChanges } from "./urlChanges.js";
import type { MousetrailController } from "./startRecorder.js";
import { cookiesWork, forgetVisitorIdentity, renewSession, resolveVisitorIdentity } from "./visitorIdentity.js";

/** The first batch waits up to this long for the load event, so that it can carry the load time. */
const firstBatchLoadWaitMs = 15_000;

// rrweb event types the collect endpoint accepts (0 to 6); scrolls are IncrementalSnapshot/Scroll.
const lastAcceptedEventType = 6;
const metaEvent = 4;
const incrementalSnapshotEvent = 3;
const scrollSource = 3;

/**
 * One recorder per page; `serverUrl` ends in `/`. It fetches the site's config, decides from the
 * policy, the visitor's signals and answers whether it may record (MS-4.1, MS-4.2), and records
 * until the visitor opts out or withdraws consent, or the server says to stop.
 */
export function createRecorder(siteKey: string, serverUrl: string, consentGranted: boolean): MousetrailController {
  let loaded: LoadedConfig | null = null;
  // Consent given before the recorder started (`data-consent="granted"`), or no answer yet.
  let consentAnswer: ConsentAnswer = consentGranted ? "given" : "unanswered";
  let optOutRequested = false;
  /** Opted out, or refused by the server: nothing more is recorded on this page. */
  let ended = false;
  let recording: Recording | null = null;

  const stopRecording = () => {
    recording?.stop();
    recording = null;
  };
  const end = () => {
    ended = true;
    stopRecording();
  };

  const evaluate = () => {
    if (!loaded || ended) return;
    const { config, cookies } = loaded;
    const jar = documentCookieJar(document);
    // MS-1.11: the opt-out parameter, with the value the policy names, sets the disable cookie for its lifetime.
    if (optOutRequested || hasOptOutQueryParameter(location.href, config.policy)) {
      jar.write(cookies.optOut, "1");
      forgetVisitorIdentity(jar, cookies);
      return end();
    }
    const signals = browserPrivacySignals();
    const decision = decideRecording(config.policy, {
      optedOut: jar.read(cookies.optOut.name) !== null,
      ...signals,
      consent: consentAnswer,
    });
    if (decision.record) {
      if (recording) recording.consent = decision.consent;
      // A page that cannot be recorded (not http(s), rrweb failed to start) stays unrecorded.
      else recording = startRecording(loaded, jar, decision.consent, signals, end) ?? (end(), null);
      return;
    }
    // Waiting for an answer keeps the visitor's cookies; every other refusal forgets them.
    if (decision.reason !== "awaiting-consent") forgetVisitorIdentity(jar, cookies);
    stopRecording();
  };

  contained(async () => {
    loaded = await fetchRecorderConfig(serverUrl, siteKey);
    evaluate();
  })();

  return {
    consent: contained((granted: boolean) => {
      consentAnswer = granted === true ? "given" : "refused";
      evaluate();
    }),
    optOut: contained(() => {
      optOutRequested = true;
      evaluate();
    }),
  };
}

type PrivacySignals = NonNullable<CollectPayload["privacySignals"]>;

/** MS-4.2: Global Privacy Control and Do Not Track as this browser states them. */
function browserPrivacySignals(): PrivacySignals {
  return {
    globalPrivacyControl: (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true,
    doNotTrack: navigator.doNotTrack === "1",
  };
}

interface Recording {
  consent: CollectPayload["consent"];
  stop(): void;
}

function startRecording(
  { config, cookies }: LoadedConfig,
  jar: CookieJar,
  consent: CollectPayload["consent"],
  privacySignals: PrivacySignals,
  onServerStop: () => void,
): Recording | null {
  const { policy } = config;
  // Everything read from the config comes first: a malformed part throws here, before a cookie is set.
  const dropQuery = policy.pages.dropQueryParameters !== false;
  const url = recordableUrl(location.href, dropQuery);
  if (url === undefined) return null;
  const referrer = recordableUrl(document.referrer, dropQuery);
  const masking = createFieldMasking(policy.masking, isValidSelector);
  const technical = technicalInfo(policy.technicalFields, window, Intl.DateTimeFormat().resolvedOptions().timeZone);
  const startedAt = Date.now();
  // MS-1.10: without working cookies the recording still runs, with ids for this page view only.
  const persistentJar = cookiesWork(jar, cookies) ? jar : null;
  const identity = resolveVisitorIdentity(persistentJar, cookies);

  /** The uploaders of earlier page views still sending what they recorded, then the one being recorded (last). */
  let uploaders: Uploader[] = [];
  /** The page view being recorded: its URL as recorded (MS-1.3), and how it takes an event. */
  let currentUrl: string;
  let addEvent: (json: string) => void;

  /**
   * One page view: its own id, queue and uploader, so its batches are numbered from 0 and the
   * first carries its URL. A single-page application's navigation (pushState, replaceState,
   * popstate, a hash route such as `#/cart`) opens a new one; the previous one sends what it still holds.
   * Only the page the browser loaded (the first, `landing`) has a load time, and it started with
   * the navigation. (Once stopped, no page view opens: `uploaders` is never empty while recording.)
   */
  const openPageView = (pageUrl: string, pageReferrer: string | undefined) => {
    const landing = !uploaders.length;
    const pageStartedAt = landing ? Math.round(performance.timeOrigin) : Date.now();
    const pageId = randomId();
    const queue = createEventQueue(maxQueuedEvents, maxQueuedChars);
    /** The view when the first event still waiting was recorded (the server's heatmaps need it). */
    let firstEventView: CollectPayload["view"];
    const uploader = createUploader(
      config.collectUrl,
      queue,
      // Fields left undefined are left out of the JSON.
      (seq, dropped) => {
        const view = firstEventView;
        // Events left over for the next batch (a full batch) get the view as it is now.
        firstEventView = queue.length > 0 ? currentView(window) : undefined;
        return {
          v: 1,
          siteKey: config.siteKey,
          ...identity,
          pageId,
          seq,
          sentAt: Date.now(),
          consent: recording.consent,
          // The server decides again from these (MS-4.2), and refuses the batch if they say no.
          privacySignals,
          ...(seq === 0 && {
            page: { url: pageUrl, referrer: pageReferrer, startedAt: pageStartedAt, loadTimeMs: landing ? loadTimeMs() : undefined },
            technical,
          }),
          view,
          droppedEvents: dropped || undefined,
        };
      },
      () => renewSession(persistentJar, cookies, identity),
      onServerStop,
    );
    uploaders.push(uploader);
    currentUrl = pageUrl;
    addEvent = (json) => {
      if (queue.length === 0) firstEventView = currentView(window);
      queue.push(json);
      if (uploader.due) uploader.flush();
    };
  };
  openPageView(url, referrer);

  const emit = contained((emitted: unknown) => {
    const event = emitted as { type: number; data: { source?: unknown; href?: string } };
    const { type, data } = event;
    if (type > lastAcceptedEventType) return;
    // MS-1.4: scrolls only where the policy records them.
    if (policy.interactions.recordScrolls !== true && type === incrementalSnapshotEvent && data.source === scrollSource) return;
    // MS-1.3: rrweb's Meta event carries the page's full URL, query string included.
    if (type === metaEvent) data.href = recordableUrl(String(data.href), dropQuery) ?? "";
    maskFieldValues(event, record.mirror, masking.maskValue);
    addEvent(JSON.stringify(event));
  });

  const navigate = () => {
    // Compared as recorded: a change the policy drops (the query string, an in-page anchor) is the same page. The
    // history API keeps the page's origin, so an http(s) page's URL stays recordable.
    const next = recordableUrl(location.href, dropQuery) as string;
    // Stopped (no uploader left), or not another page.
    if (!uploaders.length || next === currentUrl) return;
    // The previous page view's events go with the next tick, or on pagehide.
    openPageView(next, currentUrl);
    // The new page view starts with a snapshot of its own, so it replays on its own.
    record.takeFullSnapshot();
  };

  const tick = contained(() => {
    // The first batch carries the page's load time when it waits for the load event a little.
    if (loadTimeMs() === undefined && Date.now() - startedAt < firstBatchLoadWaitMs) return;
    // Each page view sends what it holds; an earlier one that has sent everything is done.
    uploaders = uploaders.filter((uploader, index) => (uploader.flush(), !uploader.idle || index === uploaders.length - 1));
  });
  // The page may be gone (pagehide) or frozen (hidden) before the next tick.
  const onHide = contained((event: Event) => {
    if (event.type === "pagehide" || document.visibilityState === "hidden") for (const uploader of uploaders) uploader.flushOnHide();
  });
  const interval = setInterval(tick, flushIntervalMs);
  addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onHide);

  let stopRrweb: (() => void) | undefined;
  const recording: Recording = {
    consent,
    stop() {
      clearInterval(interval);
      removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onHide);
      for (const uploader of uploaders) uploader.dispose();
      uploaders = [];
      stopRrweb?.();
    },
  };
  try {
    stopRrweb = record(rrwebRecordOptions(policy, masking, emit));
    watchUrlChanges(window, navigate);
  } catch {
    recording.stop();
    return null;
  }
  return recording;
}
