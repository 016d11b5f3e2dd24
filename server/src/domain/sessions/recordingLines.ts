/** A recording as newline-delimited JSON, one event a line, one piece of text per stored chunk. */
export async function* recordingLines(batches: AsyncIterable<unknown[]>): AsyncGenerator<string> {
  for await (const events of batches) {
    if (events.length) yield events.map((event) => `${JSON.stringify(event)}\n`).join("");
  }
}
