"use client";

// The preference form, for a workspace (its own values, each inheriting the organization's when
// unset, plus support access) and for the organization (the defaults, falling back to the product's).
// Every select starts with "Inherit"; previews use today's date and a sample number.

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import { Button, Spinner } from "@/components/button";
import { inputClass } from "@/components/field";
import { useToast } from "@/components/toast";
import { UNREACHABLE } from "@/components/action-error";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";
import { formatDate, formatNumber, formatTime, zoneAbbreviation, type DisplayPreferences } from "@/lib/console/format";
import {
  DATE_FORMATS,
  DECIMAL_SYMBOLS,
  GENERAL_FIELDS,
  MAX_DECIMAL_PLACES,
  MEASUREMENT_SYSTEMS,
  TIME_FORMATS,
  isTimeZone,
  timeZoneNames,
  type EffectiveGeneralOutput,
  type GeneralField,
  type GeneralPreferencesOutput,
  type PreferenceSource,
} from "@/lib/schemas/preferences";
import { updateOrganizationPreferencesAction } from "../settings/preferences-actions";
import { updateWorkspacePreferencesAction } from "../workspaces/[ws]/preferences/actions";

type Draft = Record<GeneralField, string>;

const LABELS: Record<GeneralField, string> = {
  time_zone: "Time zone",
  time_format: "Time format",
  date_format: "Date format",
  decimal_symbol: "Decimal symbol",
  decimal_places: "Decimal places",
  measurement_system: "Measurement system",
};

const ENUM_TEXT: Record<string, string> = {
  TIME_FORMAT_12_HOUR: "12-hour",
  TIME_FORMAT_24_HOUR: "24-hour",
  DECIMAL_SYMBOL_PERIOD: "Period (.)",
  DECIMAL_SYMBOL_COMMA: "Comma (,)",
  MEASUREMENT_SYSTEM_METRIC: "Metric",
  MEASUREMENT_SYSTEM_IMPERIAL: "Imperial",
};

function draftOf(g: GeneralPreferencesOutput): Draft {
  const unset = (v: string) => (v.endsWith("_UNSPECIFIED") ? "" : v);
  return {
    time_zone: g.time_zone,
    time_format: unset(g.time_format),
    date_format: unset(g.date_format),
    decimal_symbol: unset(g.decimal_symbol),
    decimal_places: g.decimal_places == null ? "" : String(g.decimal_places),
    measurement_system: unset(g.measurement_system),
  };
}

/** What a draft renders as: its own values where set, the inherited ones elsewhere. */
function displayOf(draft: Draft, inherited: EffectiveGeneralOutput): DisplayPreferences {
  return {
    time_zone: draft.time_zone && isTimeZone(draft.time_zone) ? draft.time_zone : inherited.time_zone,
    time_format: (draft.time_format || inherited.time_format) as DisplayPreferences["time_format"],
    date_format: (draft.date_format || inherited.date_format) as DisplayPreferences["date_format"],
    decimal_symbol: (draft.decimal_symbol || inherited.decimal_symbol) as DisplayPreferences["decimal_symbol"],
    decimal_places: draft.decimal_places === "" ? inherited.decimal_places : Number(draft.decimal_places),
  };
}

const SUPPORT_DURATIONS = [
  { value: "none", label: "Until turned off" },
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
] as const;

export interface PreferencesFormProps {
  target: { org: string; ws?: string };
  general: GeneralPreferencesOutput;
  /** What each unset field resolves to: the organization's effective values (or the product defaults for the organization). */
  inherited: EffectiveGeneralOutput;
  etag: string;
  canUpdate: boolean;
  /** Why nothing can change (a disabled workspace, a missing permission), or "". */
  readOnlyNote: string;
  support?: { active: boolean; expireTime?: string };
}

function sourceText(source: PreferenceSource, isWorkspace: boolean): string {
  if (isWorkspace && source !== "DEFAULT") return "Inherited from organization";
  return "Product default";
}

function valueText(field: GeneralField, value: string | number, prefs: DisplayPreferences, today: Date): string {
  if (field === "date_format") return `${formatDate(today, { ...prefs, date_format: value as DisplayPreferences["date_format"] })}`;
  if (field === "time_format") return `${ENUM_TEXT[value as string]} (${formatTime(today, { ...prefs, time_format: value as DisplayPreferences["time_format"] })})`;
  if (field === "decimal_symbol") return ENUM_TEXT[value as string] ?? String(value);
  if (field === "measurement_system") return ENUM_TEXT[value as string] ?? String(value);
  return String(value);
}

export function PreferencesForm({ target, general, inherited, etag, canUpdate, readOnlyNote, support }: PreferencesFormProps) {
  const uid = useId();
  const router = useRouter();
  const toast = useToast();
  const isWorkspace = Boolean(target.ws);
  const base = useMemo(() => draftOf(general), [general]);
  const [draft, setDraft] = useState<Draft>(base);
  const [grant, setGrant] = useState(support?.active ?? false);
  const [duration, setDuration] = useState<string>(support?.expireTime ? "keep" : "none");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [conflict, setConflict] = useState(false);
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    // The clock is read in the browser only, so server and first client render agree.
    const tick = () => setNow(new Date());
    tick();
    const t = setInterval(tick, 30_000);
    return () => clearInterval(t);
  }, []);
  const today = now ?? new Date(Date.UTC(2026, 0, 15, 13, 45));
  const zones = useMemo(() => timeZoneNames(), []);
  const prefs = displayOf(draft, inherited);
  const readOnly = !canUpdate || Boolean(readOnlyNote);

  const changed = GENERAL_FIELDS.filter((f) => draft[f] !== base[f]);
  const supportChanged = support ? grant !== support.active || (grant && duration !== "keep" && duration !== (support.expireTime ? "keep" : "none")) : false;
  const zoneInvalid = draft.time_zone !== "" && !isTimeZone(draft.time_zone);
  const dirty = changed.length > 0 || supportChanged;

  const set = (field: GeneralField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    setFailure(null);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (pending || readOnly || !dirty || zoneInvalid) return;
    const generalBody: Record<string, unknown> = {};
    for (const f of changed) generalBody[f] = draft[f] === "" ? null : f === "decimal_places" ? Number(draft[f]) : draft[f];
    const input: Record<string, unknown> = { etag };
    const mask = changed.map((f) => `general.${f}`);
    if (changed.length) input.general = generalBody;
    if (supportChanged) {
      input.support_team_access = grant;
      mask.push("support_team_access");
      if (grant && duration !== "keep") {
        // A minute short of the limit, so a slow request still lands within 30 days.
        input.support_access_expire_time = duration === "none" ? null : new Date(Date.now() + Number(duration) * 86_400_000 - 60_000).toISOString();
        mask.push("support_access_expire_time");
      }
    }
    setPending(true);
    setFailure(null);
    setConflict(false);
    let result: ActionOutcome<unknown>;
    try {
      result = target.ws
        ? await updateWorkspacePreferencesAction(target.org, target.ws, input, mask.join(","))
        : await updateOrganizationPreferencesAction(target.org, input, mask.join(","));
    } catch {
      result = { ok: false, error: UNREACHABLE };
    }
    setPending(false);
    if (result.ok) {
      toast({ title: "Preferences saved", description: isWorkspace ? "Dates and numbers in this workspace now follow them." : "Workspaces that inherit these defaults follow them now." });
      router.refresh();
      return;
    }
    if (result.error.code === "ABORTED") setConflict(true);
    else setFailure(result.error);
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-h`} className="rounded-xl border border-border bg-surface shadow-sm" data-testid="preferences-form">
      <div className="border-b border-border px-5 py-3">
        <h2 id={`${uid}-h`} className="text-sm font-semibold">
          {isWorkspace ? "Workspace preferences" : "Default preferences"}
        </h2>
        <p className="mt-0.5 text-xs text-muted">
          {isWorkspace
            ? "How this workspace shows dates, times and numbers. A field left on “Inherit” follows the organization's default."
            : "What every workspace uses unless it sets its own value."}
        </p>
      </div>
      <div className="space-y-5 px-5 py-5">
        {readOnlyNote ? (
          <p role="note" className="rounded-md border border-border bg-surface-2 px-3 py-2 text-sm">
            {readOnlyNote}
          </p>
        ) : null}
        {conflict ? (
          <div role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm dark:border-red-900">
            <p className="font-medium text-danger">These preferences were changed by someone else — reload to see the latest version.</p>
            <p className="mt-1 text-muted">Your edits were not saved, so nothing was overwritten.</p>
            <Button variant="secondary" size="sm" className="mt-2" onClick={() => { setConflict(false); router.refresh(); }}>
              Reload
            </Button>
          </div>
        ) : null}
        {failure ? (
          <div role="alert" className="rounded-md border border-red-300 bg-danger-bg px-3 py-2 text-sm dark:border-red-900">
            <p className="text-danger">{failure.message}</p>
            {failure.requestId ? <p className="mt-1 text-xs text-muted">Request ID: <code className="font-mono">{failure.requestId}</code></p> : null}
          </div>
        ) : null}

        <fieldset disabled={readOnly || pending} className="grid gap-5 md:grid-cols-2">
          <legend className="sr-only">Formatting</legend>
          <FieldShell
            id={`${uid}-time_zone`}
            label={LABELS.time_zone}
            inheritedNote={draft.time_zone === "" ? `${sourceText(inherited.sources.time_zone, isWorkspace)}: ${inherited.time_zone}` : ""}
            onReset={draft.time_zone !== "" ? () => set("time_zone", "") : undefined}
            error={zoneInvalid ? "Choose an IANA time zone from the list, e.g. Europe/Zurich, or UTC." : ""}
          >
            <input
              id={`${uid}-time_zone`}
              name="time_zone"
              list={`${uid}-zones`}
              value={draft.time_zone}
              placeholder={`Inherit (${inherited.time_zone})`}
              onChange={(e) => set("time_zone", e.target.value.trim())}
              aria-invalid={zoneInvalid || undefined}
              aria-describedby={`${uid}-time_zone-note`}
              autoComplete="off"
              className={inputClass}
            />
            <datalist id={`${uid}-zones`}>
              {zones.map((z) => (
                <option key={z} value={z} />
              ))}
            </datalist>
            <p id={`${uid}-time_zone-note`} className="mt-1 text-xs text-muted" data-testid="zone-local-time">
              {now ? `Local time there: ${formatTime(now, prefs)} ${zoneAbbreviation(now, prefs)}` : "\u00a0"}
            </p>
          </FieldShell>

          {(["time_format", "date_format", "decimal_symbol", "decimal_places", "measurement_system"] as const).map((field) => {
            const options: readonly (string | number)[] =
              field === "time_format" ? TIME_FORMATS.slice(1)
                : field === "date_format" ? DATE_FORMATS.slice(1)
                  : field === "decimal_symbol" ? DECIMAL_SYMBOLS.slice(1)
                    : field === "measurement_system" ? MEASUREMENT_SYSTEMS.slice(1)
                      : Array.from({ length: MAX_DECIMAL_PLACES + 1 }, (_, i) => i);
            const inheritedValue = inherited[field];
            return (
              <FieldShell
                key={field}
                id={`${uid}-${field}`}
                label={LABELS[field]}
                inheritedNote={draft[field] === "" ? `${sourceText(inherited.sources[field], isWorkspace)}: ${valueText(field, inheritedValue, prefs, today)}` : ""}
                onReset={draft[field] !== "" ? () => set(field, "") : undefined}
              >
                <select id={`${uid}-${field}`} name={field} value={draft[field]} onChange={(e) => set(field, e.target.value)} className={inputClass}>
                  <option value="">Inherit ({valueText(field, inheritedValue, prefs, today)})</option>
                  {options.map((o) => (
                    <option key={o} value={String(o)}>
                      {valueText(field, o, prefs, today)}
                    </option>
                  ))}
                </select>
              </FieldShell>
            );
          })}
        </fieldset>

        <p className="rounded-md bg-surface-2 px-3 py-2 text-sm" data-testid="preferences-preview">
          Preview: {formatDate(today, prefs)}, {formatTime(today, prefs)} {zoneAbbreviation(today, prefs)} · {formatNumber(1234567.891, prefs)}
        </p>

        {support ? (
          <fieldset disabled={readOnly || pending} className="space-y-3 rounded-lg border border-border p-4">
            <legend className="px-1 text-sm font-semibold">Support team access</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="support_team_access" checked={grant} onChange={(e) => setGrant(e.target.checked)} className="size-4" />
              Let the support team access this workspace to debug issues
            </label>
            {grant ? (
              <label className="grid max-w-xs gap-1 text-sm">
                <span className="text-xs font-medium text-muted">Access ends</span>
                <select value={duration} onChange={(e) => setDuration(e.target.value)} className={inputClass} name="support_duration">
                  {support.expireTime ? <option value="keep">As set now</option> : null}
                  {SUPPORT_DURATIONS.map((d) => (
                    <option key={d.value} value={d.value}>
                      {d.value === "none" ? d.label : `After ${d.label}`}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <p className="text-xs text-muted" data-testid="support-status">
              {support.active
                ? support.expireTime
                  ? `Granted until ${formatDate(new Date(support.expireTime), prefs)}, ${formatTime(new Date(support.expireTime), prefs)} ${zoneAbbreviation(new Date(support.expireTime), prefs)}; it ends by itself then.`
                  : "Granted with no end date."
                : "Not granted."}{" "}
              Each grant, extension and end is recorded on the Activity tab.
            </p>
          </fieldset>
        ) : null}

        <div className="flex items-center justify-end gap-3">
          {dirty && !readOnly ? <span className="text-xs text-muted">Unsaved changes</span> : null}
          <Button type="button" variant="secondary" disabled={!dirty || pending} onClick={() => { setDraft(base); setGrant(support?.active ?? false); setDuration(support?.expireTime ? "keep" : "none"); }}>
            Discard
          </Button>
          <Button type="submit" disabled={readOnly || !dirty || pending || zoneInvalid} aria-disabled={readOnly || undefined}>
            {pending ? <Spinner /> : null}
            Save preferences
          </Button>
        </div>
      </div>
    </form>
  );
}

function FieldShell({ id, label, inheritedNote, onReset, error, children }: { id: string; label: string; inheritedNote: string; onReset?: () => void; error?: string; children: React.ReactNode }) {
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {onReset ? (
          <button type="button" onClick={onReset} className="text-xs text-link underline-offset-2 hover:underline" aria-label={`Reset ${label.toLowerCase()} to inherit`}>
            Reset to inherit
          </button>
        ) : null}
      </div>
      {children}
      {inheritedNote ? <p className="text-xs text-muted" data-testid={`${id.split("-").pop()}-inherited`}>{inheritedNote}</p> : null}
      {error ? <p className="text-xs text-danger" role="alert">{error}</p> : null}
    </div>
  );
}
