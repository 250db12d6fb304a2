// An audit log page's body, shared by the organization's and a workspace's Activity: the filter
// form (a plain GET form, so the URL holds the filters and back/forward works), the entries newest
// first with their before/after behind a native disclosure, keyset paging and the CSV export link.

import Link from "next/link";
import { buttonClass } from "@/components/button";
import { inputClass } from "@/components/field";
import { LocalTime } from "@/components/local-time";
import { EmptyState } from "@/components/states";
import type { AuditLogEntryOutput } from "@/lib/schemas/audit";
import type { ActivityFilterForm } from "@/lib/console/activity-filter";

export interface ActivityLogProps {
  org: string;
  basePath: string;
  form: ActivityFilterForm;
  entries: AuditLogEntryOutput[];
  nextPageToken: string;
  onFirstPage: boolean;
  /** The export URL for the current filter, or null to offer none. */
  exportHref: string | null;
  showWorkspace: boolean;
}

function query(form: ActivityFilterForm, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...form, ...extra })) if (v) params.set(k, v);
  const text = params.toString();
  return text ? `?${text}` : "";
}

type Flat = { path: string; before: unknown; after: unknown };

function flatten(value: unknown, prefix: string, into: Map<string, unknown>): void {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) into.set(prefix, {});
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  } else if (prefix) {
    into.set(prefix, value);
  }
}

/** before/after as rows of changed paths; anything else in `changes` (a reason, a comment) as rows with an empty before. */
export function changeRows(changes: Record<string, unknown>): Flat[] {
  const before = new Map<string, unknown>();
  const after = new Map<string, unknown>();
  flatten(changes.before, "", before);
  flatten(changes.after, "", after);
  const rest = new Map<string, unknown>();
  for (const [k, v] of Object.entries(changes)) if (k !== "before" && k !== "after") flatten(v, k, rest);
  const paths = [...new Set([...before.keys(), ...after.keys()])];
  return [
    ...paths.map((path) => ({ path, before: before.has(path) ? before.get(path) : undefined, after: after.has(path) ? after.get(path) : undefined })),
    ...[...rest].map(([path, v]) => ({ path, before: undefined, after: v })),
  ];
}

function show(value: unknown): string {
  if (value === undefined) return "—";
  if (value === null) return "(unset)";
  if (typeof value === "string") return value === "" ? '""' : value;
  return JSON.stringify(value);
}

/** The console page a resource name points at, when there is one. */
function resourceHref(resource: string): string | null {
  const m = /^organizations\/(org_[A-Za-z0-9]+)\/workspaces\/(ws_[A-Za-z0-9]+)(\/(users|roles|preferences))?/.exec(resource);
  if (m) {
    const tab = m[4] === "users" ? "members" : m[4] === "roles" ? "roles" : m[4] === "preferences" ? "preferences" : "general";
    return `/o/${m[1]}/workspaces/${m[2]}/${tab}`;
  }
  const o = /^organizations\/(org_[A-Za-z0-9]+)(\/(preferences|users))?$/.exec(resource);
  return o ? `/o/${o[1]}/settings` : null;
}

export function ActivityLog({ org, basePath, form, entries, nextPageToken, onFirstPage, exportHref, showWorkspace }: ActivityLogProps) {
  return (
    <div className="space-y-4">
      <form method="get" action={basePath} className="grid gap-3 rounded-xl border border-border bg-surface p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto] lg:items-end">
        <label className="grid gap-1 text-sm">
          <span className="text-xs font-medium text-muted">Action</span>
          <input name="action" defaultValue={form.action ?? ""} placeholder="e.g. member.add" className={inputClass} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-xs font-medium text-muted">Actor email</span>
          <input name="actor" type="text" defaultValue={form.actor ?? ""} placeholder="someone@example.com" className={inputClass} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-xs font-medium text-muted">From (day)</span>
          <input name="from" type="date" defaultValue={form.from ?? ""} className={inputClass} />
        </label>
        <label className="grid gap-1 text-sm">
          <span className="text-xs font-medium text-muted">To (day, included)</span>
          <input name="to" type="date" defaultValue={form.to ?? ""} className={inputClass} />
        </label>
        {form.resource ? <input type="hidden" name="resource" value={form.resource} /> : null}
        <div className="flex gap-2">
          <button type="submit" className={buttonClass("primary", "md")}>
            Filter
          </button>
          <Link href={basePath} className={buttonClass("secondary", "md")}>
            Clear
          </Link>
        </div>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted">Newest first. Days are in this page&apos;s time zone.</p>
        {exportHref ? (
          <a href={exportHref} className={buttonClass("secondary", "sm")} download>
            Export CSV
          </a>
        ) : null}
      </div>

      {entries.length === 0 ? (
        <div className="rounded-xl border border-border bg-surface shadow-sm">
          <EmptyState title={onFirstPage ? "No activity matches" : "No more activity"}>
            Changes made through the console or the API appear here, one entry per change.
          </EmptyState>
        </div>
      ) : (
        <ol className="divide-y divide-border rounded-xl border border-border bg-surface shadow-sm" data-testid="activity-list">
          {entries.map((e) => {
            const rows = changeRows(e.changes);
            const href = resourceHref(e.resource);
            return (
              <li key={e.audit_log_id} className="px-4 py-3 text-sm" data-testid="activity-entry">
                <details>
                  <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-3 gap-y-1 rounded-md">
                    <span aria-hidden="true" className="text-muted">▸</span>
                    <code className="rounded bg-surface-2 px-1.5 py-0.5 text-xs font-semibold">{e.action}</code>
                    <span className="min-w-0 truncate">{e.actor.email || (e.actor.type === "SYSTEM" ? "The product (automatic)" : e.actor.id)}</span>
                    <span className="ml-auto text-xs text-muted">
                      <LocalTime iso={e.create_time} format="datetime" />
                    </span>
                  </summary>
                  <div className="mt-3 space-y-3 pl-5">
                    <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[8rem_minmax(0,1fr)]">
                      <dt className="text-muted">Resource</dt>
                      <dd className="min-w-0 break-all">
                        {href ? (
                          <Link href={href} className="text-link underline underline-offset-2">
                            {e.resource}
                          </Link>
                        ) : (
                          e.resource
                        )}
                      </dd>
                      <dt className="text-muted">Actor</dt>
                      <dd className="min-w-0 break-all">
                        {e.actor.email ? (
                          <Link href={`${basePath}${query({ actor: e.actor.email })}`} className="text-link underline underline-offset-2">
                            {e.actor.email}
                          </Link>
                        ) : null}{" "}
                        <span className="text-muted">
                          ({e.actor.type === "ACCESS_KEY" ? "access token" : e.actor.type.toLowerCase()} {e.actor.id})
                        </span>
                      </dd>
                      {showWorkspace && e.workspace_id ? (
                        <>
                          <dt className="text-muted">Workspace</dt>
                          <dd>
                            <Link href={`/o/${org}/workspaces/${e.workspace_id}/activity`} className="text-link underline underline-offset-2">
                              {e.workspace_id}
                            </Link>
                          </dd>
                        </>
                      ) : null}
                      <dt className="text-muted">Request</dt>
                      <dd className="min-w-0 break-all">
                        {e.request_id || "—"} · {e.ip || "no IP"} · {e.user_agent || "no user agent"}
                      </dd>
                    </dl>
                    {rows.length ? (
                      <div className="overflow-x-auto">
                        <table className="w-full text-left text-xs">
                          <caption className="sr-only">Changes</caption>
                          <thead className="text-muted">
                            <tr>
                              <th scope="col" className="py-1 pr-4 font-medium">Field</th>
                              <th scope="col" className="py-1 pr-4 font-medium">Before</th>
                              <th scope="col" className="py-1 font-medium">After</th>
                            </tr>
                          </thead>
                          <tbody className="divide-y divide-border">
                            {rows.map((r) => (
                              <tr key={r.path} data-testid="change-row">
                                <th scope="row" className="py-1 pr-4 align-top font-mono font-normal">{r.path}</th>
                                <td className="max-w-xs py-1 pr-4 align-top break-all text-danger">{show(r.before)}</td>
                                <td className="max-w-xs py-1 align-top break-all">{show(r.after)}</td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </div>
                    ) : (
                      <p className="text-xs text-muted">No field changes recorded.</p>
                    )}
                  </div>
                </details>
              </li>
            );
          })}
        </ol>
      )}

      <nav aria-label="Pages" className="flex justify-end gap-2">
        {!onFirstPage ? (
          <Link href={`${basePath}${query(form)}`} className={buttonClass("secondary", "sm")}>
            Newest
          </Link>
        ) : null}
        {nextPageToken ? (
          <Link href={`${basePath}${query(form, { page_token: nextPageToken })}`} className={buttonClass("secondary", "sm")}>
            Older
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
