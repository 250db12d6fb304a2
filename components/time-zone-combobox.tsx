"use client";

// A searchable time-zone picker: the ARIA 1.2 combobox pattern from downshift (listbox popup,
// arrow keys, Enter, Escape, active descendant announced), over the IANA zones plus UTC. Each
// option shows the current local time there. The value is the text of the input, so a zone typed
// in full works without opening the list; an empty value means "inherit" to the caller.

import { useCombobox } from "downshift";
import { useMemo, useState } from "react";
import { inputClass } from "@/components/field";
import { DEFAULT_DISPLAY, formatTime, zoneAbbreviation, type DisplayPreferences } from "@/lib/console/format";
import { filterTimeZones } from "@/lib/console/preferences-form";
import { timeZoneNames } from "@/lib/schemas/values";

export interface TimeZoneComboboxProps {
  id: string;
  /** The id of the visible label, which names the input and the list. */
  labelId: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  /** The clock the local times are read from; null before the browser has one (first render). */
  now: Date | null;
  /** How the local times are written (12- or 24-hour). */
  timeFormat: DisplayPreferences["time_format"];
}

export function TimeZoneCombobox({ id, labelId, value, onChange, onBlur, placeholder, invalid, describedBy, disabled, now, timeFormat }: TimeZoneComboboxProps) {
  const zones = useMemo(() => timeZoneNames(), []);
  // The text is the input's own state, updated in the keystroke's event: fed back only through
  // the form's value, keys typed quickly were lost ("Tokyo" became "Tko"). A value set from
  // outside (reset, "use their version") replaces the text; the form handing back a value this
  // input sent it while typing does not — it can arrive a keystroke late, and replacing the text
  // with it lost the key typed since ("Tokyo" became "Toko" on a busy machine). What was sent is
  // forgotten when the input loses focus, which any outside change (a button) takes from it.
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  const [sent, setSent] = useState<readonly string[]>([]);
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim() && !sent.includes(value)) setText(value);
  }
  const items = useMemo(() => filterTimeZones(zones, text), [zones, text]);
  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, getToggleButtonProps } = useCombobox<string>({
    items,
    inputValue: text,
    selectedItem: zones.includes(text.trim()) ? text.trim() : null,
    itemToString: (z) => z ?? "",
    // With something typed, the best match is highlighted so Enter or leaving the field picks
    // it; with nothing typed, nothing is, so clearing the field leaves it cleared.
    defaultHighlightedIndex: text.trim() ? 0 : -1,
    inputId: id,
    labelId,
    menuId: `${id}-listbox`,
    toggleButtonId: `${id}-toggle`,
    getItemId: (i) => `${id}-option-${i}`,
    stateReducer: (_state, { type, changes }) =>
      type === useCombobox.stateChangeTypes.InputChange ? { ...changes, highlightedIndex: changes.inputValue?.trim() ? 0 : -1 } : changes,
    onInputValueChange: ({ inputValue }) => {
      setText(inputValue ?? "");
      const next = (inputValue ?? "").trim();
      setSent((s) => [...s.slice(-31), next]);
      onChange(next);
    },
  });

  return (
    <div className="relative">
      <div className="relative">
        <input
          {...getInputProps({
            // Set in the keystroke's own event; downshift's change callback alone came too late
            // for a controlled input, and quickly typed keys were lost.
            onChange: (e: React.ChangeEvent<HTMLInputElement>) => setText(e.target.value),
            onBlur: () => {
              setSent([]);
              onBlur?.();
            },
            disabled,
            placeholder,
            autoComplete: "off",
            spellCheck: false,
            "aria-invalid": invalid || undefined,
            "aria-describedby": describedBy,
            className: `${inputClass} pr-9`,
          })}
        />
        <button
          type="button"
          {...getToggleButtonProps({ disabled, tabIndex: -1 })}
          aria-label="Show time zones"
          className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-muted hover:text-fg disabled:hidden"
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="currentColor">
            <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
          </svg>
        </button>
      </div>
      <ul
        {...getMenuProps()}
        className={`${isOpen && items.length ? "" : "hidden "}absolute z-20 mt-1 max-h-64 w-full overflow-y-auto rounded-md border border-border bg-surface py-1 text-sm shadow-lg`}
      >
        {isOpen
          ? items.map((zone, index) => (
              <li
                key={zone}
                {...getItemProps({ item: zone, index })}
                data-zone={zone}
                className={`flex cursor-default items-center justify-between gap-3 px-3 py-1.5 ${highlightedIndex === index ? "bg-surface-2" : ""} ${zone === text.trim() ? "font-medium" : ""}`}
              >
                <span className="truncate">{zone}</span>
                {now ? (
                  <span className="shrink-0 text-xs text-muted tabular-nums">
                    {formatTime(now, { ...DEFAULT_DISPLAY, time_zone: zone, time_format: timeFormat })} {zoneAbbreviation(now, { ...DEFAULT_DISPLAY, time_zone: zone })}
                  </span>
                ) : null}
              </li>
            ))
          : null}
      </ul>
      {isOpen && items.length === 0 ? (
        <p className="absolute z-20 mt-1 w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-muted shadow-lg" role="status">
          No time zone matches “{text}”.
        </p>
      ) : null}
    </div>
  );
}
