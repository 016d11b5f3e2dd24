/** The Newer / Older buttons under a cursor-paged list, newest first. */
export function NewerOlderPager(props: { pageNumber: number; hasOlder: boolean; onNewer: () => void; onOlder: () => void }) {
  return (
    <div class="row">
      <button type="button" class="secondary" disabled={props.pageNumber === 1} onClick={() => props.onNewer()}>
        Newer
      </button>
      <button type="button" class="secondary" disabled={!props.hasOlder} onClick={() => props.onOlder()}>
        Older
      </button>
    </div>
  );
}
