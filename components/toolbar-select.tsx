"use client";

// A labelled choice from a short list for the table toolbars (filters, page size): the label
// beside a combobox button showing the current choice. Until it is first used the button is
// plain; the click or key (Enter, Space, arrows) that opens it fetches the Radix control
// (components/select.tsx — already fetched if the pointer or focus was on the button) and mounts
// it open in the button's place, so Radix Select and its positioning code are not on the first
// load of every list page. The trigger class is repeated here, not imported: importing it would
// put select.tsx, and Radix with it, back on the first load.

import { useId, useState, type KeyboardEvent } from "react";
import type { SelectOption } from "./select";

export interface SelectProps<V extends string | number> {
  /** The visible label, which also names the combobox. */
  label: string;
  /** Hide the label visually (it still names the control). */
  hideLabel?: boolean;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  id?: string;
  className?: string;
  disabled?: boolean;
}

const TRIGGER_CLASS =
  "inline-flex h-9 min-w-0 items-center justify-between gap-2 rounded-md border border-border-strong bg-surface px-2.5 text-sm text-fg hover:bg-surface-2 " +
  "focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none disabled:opacity-60";

const loadControl = () => import("./select");
type ControlModule = Awaited<ReturnType<typeof loadControl>>;
const OPENING_KEYS = new Set(["Enter", " ", "ArrowDown", "ArrowUp"]);

export function Select<V extends string | number>({ label, hideLabel = false, value, options, onChange, id, className = "", disabled }: SelectProps<V>) {
  const uid = useId();
  const triggerId = id ?? `${uid}-select`;
  const labelId = `${uid}-label`;
  const [control, setControl] = useState<ControlModule | null>(null);
  const [opening, setOpening] = useState(false);
  const open = () => {
    setOpening(true);
    void loadControl().then(setControl);
  };
  return (
    <div className={`flex items-center gap-2 ${className}`}>
      <label id={labelId} htmlFor={triggerId} className={hideLabel ? "sr-only" : "text-muted"}>
        {label}
      </label>
      {control ? (
        <control.SelectControl id={triggerId} aria-labelledby={labelId} value={value} options={options} onChange={onChange} disabled={disabled} defaultOpen />
      ) : (
        <button
          type="button"
          role="combobox"
          id={triggerId}
          aria-labelledby={labelId}
          aria-controls={`${uid}-listbox`}
          aria-expanded={false}
          aria-autocomplete="none"
          aria-busy={opening || undefined}
          disabled={disabled}
          className={TRIGGER_CLASS}
          onPointerEnter={() => void loadControl()}
          onFocus={() => void loadControl()}
          onClick={open}
          onKeyDown={(e: KeyboardEvent) => {
            if (!OPENING_KEYS.has(e.key)) return;
            e.preventDefault();
            open();
          }}
        >
          <span className="truncate">{options.find((o) => o.value === value)?.label ?? ""}</span>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-muted" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M4 6l4 4 4-4" />
          </svg>
        </button>
      )}
    </div>
  );
}
