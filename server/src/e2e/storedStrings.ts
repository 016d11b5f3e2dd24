import { Binary, type Db } from "mongodb";
import type { RecordingChunkDoc } from "../db/analyticsCollections.js";
import { decodeChunkEvents } from "../repositories/recordingChunkRepository.js";

/**
 * Every string the database holds, in every document of every collection, keys included, with
 * recording chunks decompressed and decoded: what a check that something "never reached
 * storage" has to search.
 */
export async function everyStoredString(db: Db): Promise<string[]> {
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    // Dates, ids and binaries (BSON values) hold no text.
    else if (typeof value === "object" && value !== null && !(value instanceof Date) && !("_bsontype" in value) && !ArrayBuffer.isView(value)) {
      for (const [key, inner] of Object.entries(value)) {
        strings.push(key);
        collect(inner);
      }
    }
  };
  for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
    if (name.startsWith("system.")) continue;
    for await (const document of db.collection(name).find({})) {
      collect(document);
      // Recording chunks keep their events compressed: searched decoded, as a replay reads them.
      const events: unknown = document.events;
      if (events instanceof Binary) collect(await decodeChunkEvents({ events, eventsEncoding: document.eventsEncoding as RecordingChunkDoc["eventsEncoding"] }));
    }
  }
  return strings;
}
