import { MongoBulkWriteError, type AnyBulkWriteOperation, type BulkWriteResult, type Collection, type Db, type Document, type WriteError } from "mongodb";
import { analyticsCollections, type AnalyticsCollectionName } from "../db/analyticsCollections.js";

type DocumentOf<Name extends AnalyticsCollectionName> = ReturnType<typeof analyticsCollections>[Name] extends Collection<infer Doc> ? Doc : never;

/** What became of one operation of a grouped write that succeeded. */
export interface GroupedOperationOutcome {
  /** The operation was an upsert that inserted its document. */
  upserted: boolean;
}

/** A write error of one of the caller's own operations (the others of its group are unaffected). */
export class GroupedWriteError extends Error {
  override name = "GroupedWriteError";
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Callers whose operations go in one command at most; the next ones wait for the following one. */
const maxCallersPerWrite = 256;

interface Waiting<Doc extends Document> {
  operations: readonly AnyBulkWriteOperation<Doc>[];
  resolve(outcomes: GroupedOperationOutcome[]): void;
  reject(error: unknown): void;
}

/**
 * Group commit for the write-heavy analytics collections: the operations concurrent callers
 * send to one collection go to the database together, as one unordered bulkWrite. While a write
 * to a collection is on its way, the operations that arrive for it wait and go in the next one,
 * so a lone caller waits for nothing and busy ones share round trips (ingestion made about ten
 * per batch, most of them small `$inc` upserts). Each caller's promise settles once its own
 * operations are done: with their outcomes, or with the write error of its own operation (a
 * duplicate key fails that caller only), or with the error that failed the whole command.
 */
export function groupedWrite<Name extends AnalyticsCollectionName, Doc extends Document = DocumentOf<Name>>(
  db: Db,
  collectionName: Name,
  operations: readonly AnyBulkWriteOperation<Doc>[],
): Promise<GroupedOperationOutcome[]> {
  if (operations.length === 0) return Promise.resolve([]);
  let groups = groupsByDatabase.get(db);
  if (!groups) groupsByDatabase.set(db, (groups = new Map()));
  let group = groups.get(collectionName);
  if (!group) {
    group = new WriteGroup(analyticsCollections(db)[collectionName] as unknown as Collection<Document>);
    groups.set(collectionName, group);
  }
  // Like db.collection<Doc>(name): the caller chooses the type it sees the documents as
  // (by default the collection's own document type).
  return (group as unknown as WriteGroup<Doc>).write(operations);
}

const groupsByDatabase = new WeakMap<Db, Map<AnalyticsCollectionName, WriteGroup<Document>>>();

class WriteGroup<Doc extends Document> {
  #waiting: Waiting<Doc>[] = [];
  #sending = false;

  constructor(private readonly collection: Collection<Doc>) {}

  write(operations: readonly AnyBulkWriteOperation<Doc>[]): Promise<GroupedOperationOutcome[]> {
    return new Promise((resolve, reject) => {
      this.#waiting.push({ operations, resolve, reject });
      if (this.#sending) return;
      this.#sending = true;
      // Operations queued in the same turn of the event loop go together from the start.
      setImmediate(() => void this.#send());
    });
  }

  async #send(): Promise<void> {
    try {
      while (this.#waiting.length > 0) await this.#sendNext(this.#waiting.splice(0, maxCallersPerWrite));
    } finally {
      this.#sending = false;
    }
  }

  async #sendNext(callers: Waiting<Doc>[]): Promise<void> {
    const operations = callers.flatMap((caller) => caller.operations);
    let result: BulkWriteResult;
    let writeErrors: WriteError[];
    try {
      result = await this.collection.bulkWrite(operations as AnyBulkWriteOperation<Doc>[], { ordered: false });
      writeErrors = [];
    } catch (error) {
      const perOperation = error instanceof MongoBulkWriteError && !error.result.getWriteConcernError() ? [error.writeErrors].flat() : [];
      if (!(error instanceof MongoBulkWriteError) || perOperation.length === 0) {
        for (const caller of callers) caller.reject(error);
        return;
      }
      result = error.result;
      writeErrors = perOperation;
    }
    const errorAt = new Map(writeErrors.map((writeError) => [writeError.index, writeError]));
    let offset = 0;
    for (const caller of callers) {
      const indexes = caller.operations.map((_, position) => offset + position);
      offset += caller.operations.length;
      const failed = indexes.map((index) => errorAt.get(index)).find((writeError) => writeError !== undefined);
      if (failed) caller.reject(new GroupedWriteError(failed.code, failed.errmsg ?? `write error ${failed.code}`));
      else caller.resolve(indexes.map((index) => ({ upserted: index in result.upsertedIds })));
    }
  }
}
