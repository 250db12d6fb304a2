"use client";

// The workspace icon and color pickers as form fieldsets: a radio group of icons and one of
// swatches (one Tab stop each, arrow keys to move — see roving.ts), plus a native color input for
// any other color. Used by the shared workspace fields (New workspace and General), so both offer
// the same choices.

import { useId } from "react";
import { FieldError } from "./field";
import { onRovingKeyDown, rovingTabIndex } from "@/lib/console/roving";
import { Glyph, iconLabel } from "./workspace-icon";
import { WORKSPACE_ICONS } from "@/lib/schemas/values";

export const COLOR_SWATCHES = [
  { name: "Indigo", hex: "#4F46E5" },
  { name: "Blue", hex: "#2563EB" },
  { name: "Teal", hex: "#0D9488" },
  { name: "Green", hex: "#16A34A" },
  { name: "Amber", hex: "#D97706" },
  { name: "Red", hex: "#DC2626" },
  { name: "Pink", hex: "#DB2777" },
  { name: "Slate", hex: "#475569" },
] as const;

interface PickerProps {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  error?: string;
}

export function IconPicker({ value, onChange, disabled, error }: PickerProps) {
  const uid = useId();
  const errorId = `${uid}-error`;
  const legendId = `${uid}-legend`;
  // An emoji (or an icon this build does not know) stays selectable as itself.
  const custom = value !== "" && !(WORKSPACE_ICONS as readonly string[]).includes(value);
  const options: string[] = ["", ...(custom ? [value] : []), ...WORKSPACE_ICONS];
  const selected = options.indexOf(value);
  const itemClass =
    "inline-flex aspect-square items-center justify-center rounded-md border border-border text-fg hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-60 aria-checked:border-accent aria-checked:bg-accent aria-checked:text-accent-fg";
  return (
    <fieldset disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend id={legendId} className="mb-1.5 text-sm font-medium">
        Icon
      </legend>
      <div
        role="radiogroup"
        aria-labelledby={legendId}
        onKeyDown={(e) => onRovingKeyDown(e, (i) => onChange(options[i]))}
        className="grid grid-cols-7 gap-1.5 sm:grid-cols-11"
      >
        {options.map((icon, i) => {
          const label = icon === "" ? "No icon" : icon === value && custom ? `Current icon ${value}` : iconLabel(icon);
          return (
            <button
              key={icon || "none"}
              type="button"
              role="radio"
              aria-checked={icon === value}
              aria-label={label}
              tabIndex={rovingTabIndex(i, selected)}
              onClick={() => onChange(icon)}
              title={icon === "" ? "No icon (first letter of the title)" : label}
              className={`${itemClass} ${icon === "" ? "text-xs font-semibold text-muted" : icon === value && custom ? "text-lg" : ""}`}
            >
              {icon === "" ? <span aria-hidden="true">Aa</span> : icon === value && custom ? <span aria-hidden="true">{value}</span> : <Glyph icon={icon} className="size-5" />}
            </button>
          );
        })}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

export function ColorPicker({ value, onChange, disabled, error }: PickerProps) {
  const uid = useId();
  const inputId = `${uid}-input`;
  const errorId = `${uid}-error`;
  const legendId = `${uid}-legend`;
  const upper = value.toUpperCase();
  const selected = COLOR_SWATCHES.findIndex((s) => s.hex === upper);
  const custom = selected < 0;
  return (
    <fieldset disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend id={legendId} className="mb-1.5 text-sm font-medium">
        Color
      </legend>
      <div className="flex flex-wrap items-center gap-2">
        <div role="radiogroup" aria-labelledby={legendId} onKeyDown={(e) => onRovingKeyDown(e, (i) => onChange(COLOR_SWATCHES[i].hex))} className="flex flex-wrap gap-2">
          {COLOR_SWATCHES.map((s, i) => (
            <button
              key={s.hex}
              type="button"
              role="radio"
              aria-checked={upper === s.hex}
              aria-label={s.name}
              tabIndex={rovingTabIndex(i, selected)}
              onClick={() => onChange(s.hex)}
              title={s.name}
              className="inline-flex size-8 items-center justify-center rounded-full ring-offset-2 ring-offset-surface disabled:cursor-not-allowed disabled:opacity-60 aria-checked:ring-2 aria-checked:ring-fg"
              style={{ backgroundColor: s.hex }}
            />
          ))}
        </div>
        <span className="mx-1 h-6 w-px bg-border" aria-hidden="true" />
        <label
          htmlFor={inputId}
          className={`inline-flex items-center gap-2 rounded-md border px-2 py-1 text-sm ${custom && value ? "border-accent" : "border-border"}`}
        >
          <input
            id={inputId}
            type="color"
            value={/^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : "#4f46e5"}
            onChange={(e) => onChange(e.target.value.toUpperCase())}
            className="size-6 cursor-pointer rounded border-0 bg-transparent p-0 disabled:cursor-not-allowed"
          />
          Custom color
          <span className="font-mono text-xs text-muted">{upper || "none"}</span>
        </label>
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
