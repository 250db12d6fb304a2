"use client";

// The workspace icon and color pickers as form fieldsets: toggle buttons (aria-pressed) for each
// icon and swatch, plus a native color input for any other color. Used by the New workspace
// dialog and the General tab, so both offer the same choices.

import { useId } from "react";
import { FieldError } from "./field";
import { Glyph, iconLabel } from "./workspace-icon";
import { WORKSPACE_ICONS } from "@/lib/schemas/workspaces";

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
  // An emoji (or an icon this build does not know) stays selectable as itself.
  const custom = value !== "" && !(WORKSPACE_ICONS as readonly string[]).includes(value);
  return (
    <fieldset disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1.5 text-sm font-medium">Icon</legend>
      <div className="grid grid-cols-7 gap-1.5 sm:grid-cols-11">
        <button
          type="button"
          aria-pressed={value === ""}
          onClick={() => onChange("")}
          title="No icon (first letter of the title)"
          className="inline-flex aspect-square items-center justify-center rounded-md border border-border text-xs font-semibold text-muted hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-60 aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg"
        >
          <span aria-hidden="true">Aa</span>
          <span className="sr-only">No icon</span>
        </button>
        {custom ? (
          <button
            type="button"
            aria-pressed
            title="Current icon"
            className="inline-flex aspect-square items-center justify-center rounded-md border border-accent bg-accent text-lg"
          >
            <span aria-hidden="true">{value}</span>
            <span className="sr-only">Current icon {value}</span>
          </button>
        ) : null}
        {WORKSPACE_ICONS.map((icon) => (
          <button
            key={icon}
            type="button"
            aria-pressed={value === icon}
            onClick={() => onChange(value === icon ? "" : icon)}
            title={iconLabel(icon)}
            className="inline-flex aspect-square items-center justify-center rounded-md border border-border text-fg hover:bg-surface-2 disabled:cursor-not-allowed disabled:opacity-60 aria-pressed:border-accent aria-pressed:bg-accent aria-pressed:text-accent-fg"
          >
            <Glyph icon={icon} className="size-5" />
            <span className="sr-only">{iconLabel(icon)}</span>
          </button>
        ))}
      </div>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}

export function ColorPicker({ value, onChange, disabled, error }: PickerProps) {
  const uid = useId();
  const inputId = `${uid}-input`;
  const errorId = `${uid}-error`;
  const upper = value.toUpperCase();
  const custom = !COLOR_SWATCHES.some((s) => s.hex === upper);
  return (
    <fieldset disabled={disabled} aria-describedby={error ? errorId : undefined}>
      <legend className="mb-1.5 text-sm font-medium">Color</legend>
      <div className="flex flex-wrap items-center gap-2">
        {COLOR_SWATCHES.map((s) => (
          <button
            key={s.hex}
            type="button"
            aria-pressed={upper === s.hex}
            onClick={() => onChange(s.hex)}
            title={s.name}
            className="inline-flex size-8 items-center justify-center rounded-full ring-offset-2 ring-offset-surface disabled:cursor-not-allowed disabled:opacity-60 aria-pressed:ring-2 aria-pressed:ring-fg"
            style={{ backgroundColor: s.hex }}
          >
            <span className="sr-only">{s.name}</span>
          </button>
        ))}
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
