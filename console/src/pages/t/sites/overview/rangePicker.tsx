import { createUniqueId, Show } from "solid-js";
import { rangePresets, rangeProblem, type DayRange, type RangePreset } from "../../../../data/reportRange.js";
import { TextField } from "../../../../ui/formControls.js";

/** The preset or custom days a report covers; the days are the site's, in its time zone, which is stated. */
export function RangePicker(props: { preset: RangePreset; custom: DayRange; timeZone: string; onPreset(preset: RangePreset): void; onCustom(range: DayRange): void }) {
  const id = createUniqueId();
  const problem = () => (props.preset === "custom" ? rangeProblem(props.custom) : null);
  return (
    <div class="range-picker">
      <div class="field">
        <label for={id}>Date range</label>
        <select id={id} value={props.preset} onChange={(event) => props.onPreset(event.currentTarget.value as RangePreset)}>
          {rangePresets.map((preset) => (
            <option value={preset.value}>{preset.label}</option>
          ))}
        </select>
      </div>
      <Show when={props.preset === "custom"}>
        <TextField
          label="From"
          type="date"
          value={props.custom.fromDay}
          max={props.custom.toDay || undefined}
          error={problem()?.field === "fromDay" ? problem()?.message : undefined}
          onChange={(event) => props.onCustom({ ...props.custom, fromDay: event.currentTarget.value })}
        />
        <TextField
          label="To"
          type="date"
          value={props.custom.toDay}
          min={props.custom.fromDay || undefined}
          error={problem()?.field === "toDay" ? problem()?.message : undefined}
          onChange={(event) => props.onCustom({ ...props.custom, toDay: event.currentTarget.value })}
        />
      </Show>
      <p class="hint range-zone">
        Days in the site's time zone, <strong>{props.timeZone}</strong>.
      </p>
    </div>
  );
}
