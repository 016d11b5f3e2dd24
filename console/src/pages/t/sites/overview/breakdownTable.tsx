import { For, Show, type JSX } from "solid-js";
import { shareOfSessions } from "./overviewFigures.js";

export interface BreakdownRow {
  value: string;
  sessions: number;
  pageViews: number;
}

/** One breakdown: its values with their sessions (and a bar of their share) and page views, and its downloads. */
export function BreakdownTable(props: { title: string; column: string; rows: readonly BreakdownRow[]; pageViews: boolean; totalSessions: number; downloads: JSX.Element }) {
  const headingId = `breakdown-${props.title.toLowerCase().replace(/[^a-z]+/g, "-")}`;
  return (
    <section class="breakdown" aria-labelledby={headingId}>
      <div class="breakdown-head">
        <h3 id={headingId}>{props.title}</h3>
        {props.downloads}
      </div>
      <Show when={props.rows.length > 0} fallback={<p class="muted">None in this range.</p>}>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.column}</th>
              <th scope="col" class="number">
                Sessions
              </th>
              <Show when={props.pageViews}>
                <th scope="col" class="number">
                  Page views
                </th>
              </Show>
            </tr>
          </thead>
          <tbody>
            <For each={props.rows}>
              {(row) => (
                <tr>
                  <th scope="row" class="breakdown-value">
                    <span class="share-bar" style={{ width: `${shareOfSessions(row.sessions, props.totalSessions)}%` }} />
                    <span class="breakdown-label">{row.value || "(none)"}</span>
                  </th>
                  <td class="number">{row.sessions}</td>
                  <Show when={props.pageViews}>
                    <td class="number">{row.pageViews}</td>
                  </Show>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
    </section>
  );
}
