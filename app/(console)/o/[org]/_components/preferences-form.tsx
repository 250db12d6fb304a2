"use client";

// The preference form, for a workspace (its own values, each inheriting the organization's when
// unset, plus support access) and for the organization (the defaults, falling back to the product's).
// react-hook-form over the shared request schema; only changed fields are sent (update_mask) with
// the etag, so a concurrent change is refused instead of overwritten, and the refusal shows the
// other change beside the user's (keep mine on top of it, or take theirs). Unsaved edits are
// guarded against leaving the page. Previews use today's date and a sample number.

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Controller, useForm, useWatch, type FieldPath } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { inputClass } from "@/components/field";
import { ReasonNote } from "@/components/reason-note";
import { TimeZoneCombobox } from "@/components/time-zone-combobox";
import { useToast } from "@/components/toast";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";
import { fieldErrorsOf } from "@/lib/console/action-result";
import { apiFetch } from "@/lib/console/api-fetch";
import { schemaMessagesResolver } from "@/lib/console/form-errors";
import { formatDate, formatNumber, formatTime, zoneAbbreviation, type DisplayPreferences } from "@/lib/console/format";
import {
  PREFERENCE_LABELS,
  changedGeneralFields,
  generalDraftOf,
  preferencesFieldOf,
  preferencesUpdate,
  supportChanged,
  supportDraftOf,
  type GeneralDraft,
  type PreferencesFormValues,
} from "@/lib/console/preferences-form";
import type { EffectiveGeneralOutput, GeneralPreferencesOutput } from "@/lib/schemas/preferences";
import {
  DATE_FORMATS,
  DECIMAL_SYMBOLS,
  MAX_DECIMAL_PLACES,
  MEASUREMENT_SYSTEMS,
  TIME_FORMATS,
  isTimeZone,
  type GeneralField,
  type PreferenceSource,
} from "@/lib/schemas/values";
import { useUnsavedChanges } from "@/lib/console/use-unsaved-changes";
import { updateOrganizationPreferencesAction } from "../settings/preferences-actions";
import { updateWorkspacePreferencesAction } from "../workspaces/[ws]/preferences/actions";
import { PreferencesConflict, type OtherVersion } from "./preferences-conflict";

const resolver = schemaMessagesResolver<PreferencesFormValues>(() => import("@/lib/console/preferences-form-schema").then((m) => m.PreferencesFormSchema));

const ENUM_TEXT: Record<string, string> = {
  TIME_FORMAT_12_HOUR: "12-hour",
  TIME_FORMAT_24_HOUR: "24-hour",
  DECIMAL_SYMBOL_PERIOD: "Period (.)",
  DECIMAL_SYMBOL_COMMA: "Comma (,)",
  MEASUREMENT_SYSTEM_METRIC: "Metric",
  MEASUREMENT_SYSTEM_IMPERIAL: "Imperial",
};

/** What a draft renders as: its own values where set, the inherited ones elsewhere. */
function displayOf(draft: GeneralDraft, inherited: EffectiveGeneralOutput): DisplayPreferences {
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
  { value: "1", label: "After 1 day" },
  { value: "7", label: "After 7 days" },
  { value: "30", label: "After 30 days" },
] as const;

function durationLabel(duration: string): string {
  return SUPPORT_DURATIONS.find((d) => d.value === duration)?.label ?? "As set now";
}

function whenText(iso: string, prefs: DisplayPreferences): string {
  const d = new Date(iso);
  return `${formatDate(d, prefs)}, ${formatTime(d, prefs)} ${zoneAbbreviation(d, prefs)}`;
}

function supportText(grant: boolean, expireTime: string | undefined, prefs: DisplayPreferences): string {
  if (!grant) return "Not granted";
  return expireTime ? `Granted until ${whenText(expireTime, prefs)}` : "Granted";
}

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

/** A value as the form words it, previewed with the draft's other settings where it is a format. */
export function preferenceValueText(field: GeneralField, value: string | number, prefs: DisplayPreferences, today: Date): string {
  if (field === "date_format") return formatDate(today, { ...prefs, date_format: value as DisplayPreferences["date_format"] });
  if (field === "time_format") return `${ENUM_TEXT[value as string]} (${formatTime(today, { ...prefs, time_format: value as DisplayPreferences["time_format"] })})`;
  if (field === "decimal_symbol" || field === "measurement_system") return ENUM_TEXT[value as string] ?? String(value);
  if (field === "decimal_places") return `${value} (${formatNumber(1234.5678, { ...prefs, decimal_places: Number(value) }, Number(value))})`;
  return String(value);
}

const OPTIONS: Record<Exclude<GeneralField, "time_zone">, readonly (string | number)[]> = {
  time_format: TIME_FORMATS.slice(1),
  date_format: DATE_FORMATS.slice(1),
  decimal_symbol: DECIMAL_SYMBOLS.slice(1),
  decimal_places: Array.from({ length: MAX_DECIMAL_PLACES + 1 }, (_, i) => i),
  measurement_system: MEASUREMENT_SYSTEMS.slice(1),
};

type Problem = { kind: "conflict"; theirs: OtherVersion | null } | { kind: "refused"; failure: ActionFailure };

export function PreferencesForm({ target, general, inherited, etag, canUpdate, readOnlyNote, support }: PreferencesFormProps) {
  const uid = useId();
  const router = useRouter();
  const toast = useToast();
  const isWorkspace = Boolean(target.ws);
  const base = useMemo<PreferencesFormValues>(() => ({ general: generalDraftOf(general), support: supportDraftOf(support) }), [general, support]);
  const form = useForm<PreferencesFormValues>({ defaultValues: base, resolver, mode: "onChange" });
  const values = useWatch({ control: form.control }) as PreferencesFormValues;
  const [problem, setProblem] = useState<Problem | null>(null);
  const problemRef = useRef<HTMLDivElement>(null);
  const [now, setNow] = useState<Date | null>(null);
  useEffect(() => {
    // The clock is read in the browser only, so server and first client render agree.
    const tick = () => setNow(new Date());
    tick();
    const t = setInterval(tick, 30_000);
    return () => clearInterval(t);
  }, []);
  const today = now ?? new Date(Date.UTC(2026, 0, 15, 13, 45));
  const prefs = displayOf(values.general, inherited);
  const readOnly = !canUpdate || Boolean(readOnlyNote);

  const changed = { general: changedGeneralFields(base.general, values.general), support: support ? supportChanged(base.support, values.support) : false };
  const dirty = !readOnly && (changed.general.length > 0 || changed.support);
  useUnsavedChanges(dirty);
  const errors = form.formState.errors.general;

  const showProblem = (p: Problem) => {
    setProblem(p);
    requestAnimationFrame(() => problemRef.current?.focus());
  };

  const fetchTheirs = async (): Promise<OtherVersion | null> => {
    const path = target.ws
      ? `/organizations/${encodeURIComponent(target.org)}/workspaces/${encodeURIComponent(target.ws)}/preferences`
      : `/organizations/${encodeURIComponent(target.org)}/preferences`;
    return apiFetch<OtherVersion>(path).catch(() => null);
  };

  const save = useMutation({
    mutationFn: ({ input, mask }: { input: Record<string, unknown>; mask: string }): Promise<ActionOutcome<unknown>> =>
      target.ws ? updateWorkspacePreferencesAction(target.org, target.ws, input, mask) : updateOrganizationPreferencesAction(target.org, input, mask),
    onSuccess: async (result) => {
      if (result.ok) {
        setProblem(null);
        toast({ title: "Preferences saved", description: isWorkspace ? "Dates and numbers in this workspace now follow them." : "Workspaces that inherit these defaults follow them now." });
        // The page re-renders with the new etag, which remounts this form on the saved values.
        router.refresh();
        return;
      }
      if (result.error.code === "ABORTED") return showProblem({ kind: "conflict", theirs: await fetchTheirs() });
      const { fields, unplaced } = fieldErrorsOf(result.error, preferencesFieldOf);
      const names = Object.keys(fields) as FieldPath<PreferencesFormValues>[];
      names.forEach((name, i) => form.setError(name, { type: "server", message: fields[name] }, { shouldFocus: i === 0 }));
      if (names.length === 0 || unplaced.length) showProblem({ kind: "refused", failure: result.error });
    },
    onError: () => showProblem({ kind: "refused", failure: UNREACHABLE }),
  });

  const submit = form.handleSubmit(() => {
    setProblem(null);
    save.mutate(preferencesUpdate(form.getValues(), changed, etag, new Date()));
  });

  const keepMine = (theirs: OtherVersion) => {
    // The user's changed fields, saved against the other change's etag: theirs stays in every
    // field the user did not touch.
    save.mutate(preferencesUpdate(form.getValues(), changed, theirs.etag, new Date()));
  };
  const takeTheirs = () => {
    setProblem(null);
    form.reset(base);
    router.refresh();
  };

  const resetField = (field: GeneralField) => form.setValue(`general.${field}`, "", { shouldDirty: true, shouldValidate: true });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (save.isPending || !dirty) return;
        void submit(e);
      }}
      noValidate
      aria-labelledby={`${uid}-h`}
      className="rounded-xl border border-border bg-surface shadow-sm"
      data-testid="preferences-form"
    >
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
        {readOnlyNote ? <ReasonNote>{readOnlyNote}</ReasonNote> : null}
        {problem ? (
          <div ref={problemRef} tabIndex={-1} className="outline-none">
            {problem.kind === "conflict" ? (
              <PreferencesConflict
                mine={values}
                base={base}
                theirs={problem.theirs}
                support={support ? { theirs: (t) => supportText(Boolean(t.support_team_access), t.support_access_expire_time, prefs), mine: supportText(values.support.grant, undefined, prefs) + (values.support.grant && values.support.duration !== "keep" ? `, ${durationLabel(values.support.duration).toLowerCase()}` : "") } : undefined}
                describe={(field, value) => (value === "" ? "Inherit" : preferenceValueText(field, value, prefs, today))}
                pending={save.isPending}
                onKeepMine={keepMine}
                onTakeTheirs={takeTheirs}
              />
            ) : (
              <ActionErrorAlert failure={problem.failure} />
            )}
          </div>
        ) : null}

        <fieldset disabled={readOnly || save.isPending} className="grid gap-5 md:grid-cols-2">
          <legend className="sr-only">Formatting</legend>
          <FieldShell
            id={`${uid}-time_zone`}
            field="time_zone"
            inheritedNote={values.general.time_zone === "" ? `${sourceText(inherited.sources.time_zone, isWorkspace)}: ${inherited.time_zone}` : ""}
            onReset={values.general.time_zone !== "" && !readOnly ? () => resetField("time_zone") : undefined}
            error={errors?.time_zone?.message}
          >
            <Controller
              control={form.control}
              name="general.time_zone"
              render={({ field, fieldState }) => (
                <TimeZoneCombobox
                  id={`${uid}-time_zone`}
                  labelId={`${uid}-time_zone-label`}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  disabled={readOnly || save.isPending}
                  placeholder={`Inherit (${inherited.time_zone})`}
                  invalid={Boolean(fieldState.error)}
                  describedBy={[`${uid}-time_zone-note`, fieldState.error ? `${uid}-time_zone-error` : ""].filter(Boolean).join(" ")}
                  now={now}
                  timeFormat={prefs.time_format}
                />
              )}
            />
            <p id={`${uid}-time_zone-note`} className="mt-1 text-xs text-muted" data-testid="zone-local-time">
              {now ? `Local time there: ${formatTime(now, prefs)} ${zoneAbbreviation(now, prefs)}` : "\u00a0"}
            </p>
          </FieldShell>

          {(["time_format", "date_format", "decimal_symbol", "decimal_places", "measurement_system"] as const).map((field) => {
            const inheritedText = preferenceValueText(field, inherited[field], prefs, today);
            return (
              <FieldShell
                key={field}
                id={`${uid}-${field}`}
                field={field}
                inheritedNote={values.general[field] === "" ? `${sourceText(inherited.sources[field], isWorkspace)}: ${inheritedText}` : ""}
                onReset={values.general[field] !== "" && !readOnly ? () => resetField(field) : undefined}
                error={errors?.[field]?.message}
              >
                <select id={`${uid}-${field}`} {...form.register(`general.${field}`)} aria-invalid={errors?.[field] ? true : undefined} className={inputClass}>
                  <option value="">Inherit ({inheritedText})</option>
                  {OPTIONS[field].map((o) => (
                    <option key={o} value={String(o)}>
                      {preferenceValueText(field, o, prefs, today)}
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
          <fieldset disabled={readOnly || save.isPending} className="space-y-3 rounded-lg border border-border p-4">
            <legend className="px-1 text-sm font-semibold">Support team access</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...form.register("support.grant")} className="size-4" />
              Let the support team access this workspace to debug issues
            </label>
            {values.support.grant ? (
              <label className="grid max-w-xs gap-1 text-sm">
                <span className="text-xs font-medium text-muted">Access ends</span>
                <select {...form.register("support.duration")} className={inputClass}>
                  {support.expireTime ? <option value="keep">As set now</option> : null}
                  {SUPPORT_DURATIONS.map((d) => (
                    <option key={d.value} value={d.value}>
                      {d.label}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <p className="text-xs text-muted" data-testid="support-status">
              {support.active
                ? support.expireTime
                  ? `Granted until ${whenText(support.expireTime, prefs)}; it ends by itself then.`
                  : "Granted with no end date."
                : "Not granted."}{" "}
              Each grant, extension and end is recorded on the Activity tab.
            </p>
          </fieldset>
        ) : null}

        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:items-center sm:justify-end">
          {dirty ? <p className="text-sm text-muted sm:mr-auto">You have unsaved changes.</p> : null}
          <Button
            type="button"
            variant="secondary"
            disabled={!dirty || save.isPending}
            onClick={() => {
              form.reset(base);
              setProblem(null);
            }}
          >
            Discard
          </Button>
          <Button type="submit" disabled={readOnly || !dirty || save.isPending || Boolean(errors)}>
            {save.isPending ? <Spinner /> : null}
            Save preferences
          </Button>
        </div>
      </div>
    </form>
  );
}

function FieldShell({ id, field, inheritedNote, onReset, error, children }: { id: string; field: GeneralField; inheritedNote: string; onReset?: () => void; error?: string; children: React.ReactNode }) {
  const label = PREFERENCE_LABELS[field];
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label id={`${id}-label`} htmlFor={id} className="text-sm font-medium">
          {label}
        </label>
        {onReset ? (
          <button type="button" onClick={onReset} className="text-xs text-link underline-offset-2 hover:underline">
            Reset to inherit<span className="sr-only">: {label.toLowerCase()}</span>
          </button>
        ) : null}
      </div>
      {children}
      {inheritedNote ? (
        <p className="text-xs text-muted" data-testid={`${field}-inherited`}>
          {inheritedNote}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs text-danger" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
