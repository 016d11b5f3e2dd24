/** The end of a filter form: Apply (the form's submit) and Clear, which resets the filter at once. */
export function FilterButtons(props: { onClear: () => void }) {
  return (
    <div class="row filter-buttons">
      <button type="submit" class="primary">
        Apply filter
      </button>
      <button type="button" class="secondary" onClick={() => props.onClear()}>
        Clear
      </button>
    </div>
  );
}
