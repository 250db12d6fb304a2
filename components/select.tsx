"use client";

// A labelled choice from a short list, on Radix Select: a combobox button that opens a listbox
// walked with the arrow keys and typeahead, styled like the app in light and dark. Radix cannot
// hold "" as an item's value (it means "no value"), so an option for "all"/"none" with value ""
// is carried under a private stand-in and handed back as "".
// `SelectControl` is the bare control for a form field (components/field.tsx gives it its label,
// hint and error); the table toolbars' compact one (components/toolbar-select.tsx) loads this file
// on first use.

import * as RadixSelect from "@radix-ui/react-select";
import type { Ref } from "react";
import { popoverPlacement, popoverSurface } from "./popover";

export interface SelectOption<V extends string | number> {
  value: V;
  label: string;
  /** A heading the option is listed under ("Workspace roles"); options of one group are adjacent. */
  group?: string;
}

const EMPTY = "__empty__";
const encode = (v: string | number) => (v === "" ? EMPTY : String(v));

function groupsOf<V extends string | number>(options: readonly SelectOption<V>[]) {
  const out: { group?: string; items: SelectOption<V>[] }[] = [];
  for (const o of options) {
    const last = out.at(-1);
    if (last && last.group === o.group) last.items.push(o);
    else out.push({ group: o.group, items: [o] });
  }
  return out;
}

function item<V extends string | number>(o: SelectOption<V>) {
  return (
    <RadixSelect.Item
      key={encode(o.value)}
      value={encode(o.value)}
      className="relative flex cursor-default items-center rounded py-1.5 pr-2 pl-7 outline-none select-none data-[highlighted]:bg-surface-2 data-[state=checked]:font-medium"
    >
      <RadixSelect.ItemIndicator className="absolute left-2 inline-flex">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M3.5 8.5l3 3 6-7" />
        </svg>
      </RadixSelect.ItemIndicator>
      <RadixSelect.ItemText>{o.label}</RadixSelect.ItemText>
    </RadixSelect.Item>
  );
}

export interface SelectControlProps<V extends string | number> {
  id?: string;
  value: V;
  options: readonly SelectOption<V>[];
  onChange: (value: V) => void;
  onBlur?: () => void;
  disabled?: boolean;
  /** Classes for the trigger button, added to the defaults. */
  className?: string;
  /** The trigger, e.g. for react-hook-form to focus the field when it is invalid. */
  ref?: Ref<HTMLButtonElement>;
  "aria-labelledby"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  /** Mounted open (the toolbar select, loaded by the click or key that opens it). */
  defaultOpen?: boolean;
}

const TRIGGER_CLASS =
  "inline-flex h-9 min-w-0 items-center justify-between gap-2 rounded-md border border-border-strong bg-surface px-2.5 text-sm text-fg hover:bg-surface-2 " +
  "focus-visible:ring-2 focus-visible:ring-accent focus-visible:outline-none disabled:opacity-60 aria-[invalid=true]:border-danger";

export function SelectControl<V extends string | number>({
  value,
  options,
  onChange,
  onBlur,
  disabled,
  className = "",
  ref,
  defaultOpen,
  ...trigger
}: SelectControlProps<V>) {
  const byValue = new Map(options.map((o) => [encode(o.value), o.value]));
  return (
    <RadixSelect.Root
      value={encode(value)}
      onValueChange={(v) => onChange(byValue.get(v) as V)}
      onOpenChange={(open) => (open ? undefined : onBlur?.())}
      disabled={disabled}
      defaultOpen={defaultOpen}
    >
      <RadixSelect.Trigger ref={ref} {...trigger} className={`${TRIGGER_CLASS} ${className}`}>
        <span className="truncate">
          <RadixSelect.Value />
        </span>
        <RadixSelect.Icon>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-3.5 text-muted" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
            <path d="M4 6l4 4 4-4" />
          </svg>
        </RadixSelect.Icon>
      </RadixSelect.Trigger>
      <RadixSelect.Portal>
        <RadixSelect.Content
          position="popper"
          {...popoverPlacement}
          className={`z-[80] max-h-[min(20rem,var(--radix-select-content-available-height))] min-w-[var(--radix-select-trigger-width)] overflow-hidden rounded-md text-sm ${popoverSurface}`}
        >
          <RadixSelect.Viewport className="p-1">
            {groupsOf(options).map(({ group, items }, i) =>
              group ? (
                <RadixSelect.Group key={`${group}-${i}`}>
                  <RadixSelect.Label className="px-2 pt-2 pb-1 text-xs font-semibold text-muted">{group}</RadixSelect.Label>
                  {items.map(item)}
                </RadixSelect.Group>
              ) : (
                items.map(item)
              ),
            )}
          </RadixSelect.Viewport>
        </RadixSelect.Content>
      </RadixSelect.Portal>
    </RadixSelect.Root>
  );
}
