/** What masking did to a batch of events, in counts and reasons only: never a masked value. */
export interface MaskingReport {
  /** Input values, entered text and page text replaced with the mask character. */
  maskedValues: number;
  /** Values of never-capture fields (passwords, payment cards) removed (MS-2.4). */
  neverCapturedValues: number;
  /** Images the page encoded in a `data:` URL, removed (maskElementAttributes). */
  removedInlineImages: number;
  /** Elements reduced to an empty box by a blocked selector. */
  blockedElements: number;
  /** Events dropped whole, by position in the input and reason. */
  droppedEvents: { index: number; reason: string }[];
  /** Malformed or blocked parts of otherwise valid events that were dropped. */
  droppedParts: number;
  /** Events about node ids never seen in a snapshot; their content was masked as a precaution. */
  unknownNodeTargets: number;
}

export function emptyMaskingReport(): MaskingReport {
  return { maskedValues: 0, neverCapturedValues: 0, removedInlineImages: 0, blockedElements: 0, droppedEvents: [], droppedParts: 0, unknownNodeTargets: 0 };
}
