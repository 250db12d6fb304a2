"use client";

// The Roles tab: the built-in roles (read-only, with their permissions) and the workspace's custom
// roles, with how many members and pending invitations hold each. Custom roles are created and
// edited with a permission matrix; a role still assigned cannot be deleted, and says so up front.

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useMemo, useState } from "react";
import { ReasonButton } from "@/components/reason-button";
import type { Gate } from "@/lib/operations/gates";
import { EmptyState, ErrorState } from "@/components/states";
import { ApiRequestError, apiFetch } from "@/lib/console/api-fetch";
import { roleKeys } from "@/lib/console/query-keys";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import type { RoleHolderCount } from "@/lib/domain/roles/count-role-holders";
import type { ListPermissionsOutput, ListRolesOutput, RoleOutput } from "@/lib/schemas/roles";
import { roleHoldersAction } from "../actions";

// The dialogs (the role editor with react-hook-form, the role schema and zod; Radix dialog) load on their first opening.
const DeleteRoleDialog = dynamic(() => import("./delete-role-dialog").then((m) => m.DeleteRoleDialog), { ssr: false });
const RoleEditorDialog = dynamic(() => import("./role-editor-dialog").then((m) => m.RoleEditorDialog), { ssr: false });

export interface RolesViewProps {
  org: string;
  ws: string;
  /** The caller's permissions, for the permissions a role they build may hold. */
  permissions: string[];
  can: { create: Gate; update: Gate; remove: Gate };
  readOnly: string;
  initialRoles: RoleOutput[];
  initialHolders: Record<string, RoleHolderCount>;
  initialCatalog: ListPermissionsOutput;
  renderedAt: number;
}

type RolesDialog = { kind: "new" } | { kind: "edit"; role: RoleOutput } | { kind: "delete"; role: RoleOutput } | null;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 members and 1 pending invitation", or "" when nobody holds the role. */
export function holdersText(count: RoleHolderCount | undefined): string {
  if (!count) return "";
  return [count.members ? plural(count.members, "member") : "", count.invitations ? plural(count.invitations, "pending invitation") : ""]
    .filter(Boolean)
    .join(" and ");
}

async function fetchHolders(org: string, ws: string): Promise<Record<string, RoleHolderCount>> {
  const result = await roleHoldersAction(org, ws);
  if (!result.ok) throw new ApiRequestError(result.error.message, { status: 400, requestId: result.error.requestId });
  return result.data;
}

/**
 * A role's permissions as chips, and what each allows in a native disclosure under them: reachable
 * and readable by keyboard and screen reader alike (a hover `title` on each chip was neither).
 */
function PermissionList({ role, descriptions }: { role: RoleOutput; descriptions: Map<string, string> }) {
  return (
    <div className="space-y-1.5">
      <ul aria-label={`Permissions of ${role.title}`} className="flex flex-wrap gap-1.5">
        {role.permissions.map((p) => (
          <li key={p} className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs text-fg ring-1 ring-border">
            {p}
          </li>
        ))}
      </ul>
      {role.permissions.length > 0 ? (
        <details className="text-sm">
          <summary className="w-fit cursor-pointer rounded text-xs font-medium text-link underline-offset-2 hover:underline">
            What {role.title} allows
          </summary>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {role.permissions.map((p) => (
              <div key={p} className="contents">
                <dt className="font-mono text-xs text-fg">{p}</dt>
                <dd className="text-muted">{descriptions.get(p) ?? "Not in the permission catalog."}</dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </div>
  );
}

export function RolesView({ org, ws, permissions, can, readOnly, initialRoles, initialHolders, initialCatalog, renderedAt }: RolesViewProps) {
  const held = useMemo(() => new Set(permissions), [permissions]);
  const roles = useQuery({
    queryKey: roleKeys.list(ws),
    queryFn: ({ signal }) =>
      apiFetch<ListRolesOutput>(`/organizations/${encodeURIComponent(org)}/workspaces/${encodeURIComponent(ws)}/roles?page_size=1000`, { signal }),
    initialData: { roles: initialRoles, next_page_token: "" },
    initialDataUpdatedAt: renderedAt,
  });
  const holders = useQuery({
    queryKey: roleKeys.holders(ws),
    queryFn: () => fetchHolders(org, ws),
    initialData: initialHolders,
    initialDataUpdatedAt: renderedAt,
  });
  const catalog = useQuery({
    queryKey: roleKeys.catalog(),
    queryFn: ({ signal }) => apiFetch<ListPermissionsOutput>("/permissions", { signal }),
    initialData: initialCatalog,
    initialDataUpdatedAt: renderedAt,
    staleTime: Infinity,
  });
  const workspaceCatalog = catalog.data.permissions.filter((p) => p.scope === "ROLE_SCOPE_WORKSPACE");
  const descriptions = new Map(catalog.data.permissions.map((p) => [p.permission, p.description]));

  const [dialog, setDialog] = useState<RolesDialog>(null);
  const open = (next: RolesDialog) => setDialog(next);
  const editorOpened = useOpenedOnce(dialog?.kind === "new" || dialog?.kind === "edit");
  const deleteOpened = useOpenedOnce(dialog?.kind === "delete");

  const builtIn = roles.data.roles.filter((r) => r.built_in);
  const custom = roles.data.roles.filter((r) => !r.built_in);
  const newReason = readOnly || can.create.reason;
  const editReason = readOnly || can.update.reason;
  const refreshError = roles.error ?? holders.error;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h2 className="text-xl font-semibold tracking-tight">Roles</h2>
          <p className="mt-1 text-sm text-muted">A role is a set of permissions. Members get what all their roles allow together.</p>
        </div>
        <ReasonButton reason={newReason} onClick={() => open({ kind: "new" })}>
          <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M8 3v10M3 8h10" strokeLinecap="round" />
          </svg>
          New role
        </ReasonButton>
      </div>

      {readOnly ? (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-400/10 dark:text-amber-100">
          {readOnly}
        </p>
      ) : null}

      {refreshError ? (
        <ErrorState
          title="The roles could not be refreshed"
          message={refreshError instanceof ApiRequestError ? refreshError.message : "The request failed."}
          requestId={refreshError instanceof ApiRequestError ? refreshError.requestId : undefined}
          onRetry={() => {
            void roles.refetch();
            void holders.refetch();
          }}
        />
      ) : null}

      <section aria-labelledby="custom-roles" className="space-y-3">
        <h3 id="custom-roles" className="text-base font-semibold">
          Custom roles
        </h3>
        {custom.length === 0 ? (
          <div className="rounded-xl border border-border bg-surface shadow-sm">
            <EmptyState title="No custom roles yet">
              Custom roles hold exactly the permissions you choose, for people the built-in roles do not fit.
            </EmptyState>
          </div>
        ) : (
          <ul className="divide-y divide-border rounded-xl border border-border bg-surface shadow-sm">
            {custom.map((role) => {
              const assigned = holdersText(holders.data[role.role_id]);
              const deleteReason =
                readOnly ||
                can.remove.reason ||
                (assigned ? `Assigned to ${assigned}. Give them other roles before deleting it.` : "");
              return (
                <li key={role.role_id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 space-y-1.5">
                    <h4 className="font-medium break-words">{role.title}</h4>
                    {role.description ? <p className="text-sm break-words text-muted">{role.description}</p> : null}
                    <p className="text-sm">{assigned ? `Assigned to ${assigned}` : <span className="text-muted">Not assigned to anyone</span>}</p>
                    <PermissionList role={role} descriptions={descriptions} />
                  </div>
                  <div className="flex shrink-0 gap-2">
                    <ReasonButton variant="secondary" size="sm" reason={editReason} onClick={() => open({ kind: "edit", role })} aria-label={`Edit ${role.title}`}>
                      Edit
                    </ReasonButton>
                    <ReasonButton
                      variant="secondary"
                      size="sm"
                      className="text-danger"
                      reason={deleteReason}
                      onClick={() => open({ kind: "delete", role })}
                      aria-label={`Delete ${role.title}`}
                    >
                      Delete
                    </ReasonButton>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="built-in-roles" className="space-y-3">
        <div>
          <h3 id="built-in-roles" className="text-base font-semibold">
            Built-in roles
          </h3>
          <p className="text-sm text-muted">Every workspace has these. They cannot be changed or deleted.</p>
        </div>
        <ul className="divide-y divide-border rounded-xl border border-border bg-surface shadow-sm">
          {builtIn.map((role) => {
            const assigned = holdersText(holders.data[role.role_id]);
            return (
              <li key={role.role_id} className="space-y-1.5 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <h4 className="font-medium">{role.title}</h4>
                  <span className="rounded bg-surface-2 px-1.5 py-0.5 text-[0.7rem] font-semibold text-muted ring-1 ring-border">Built in</span>
                  <span className="text-xs text-muted">{assigned ? `Assigned to ${assigned}` : "Not assigned to anyone"}</span>
                </div>
                <p className="text-sm text-muted">{role.description}</p>
                <PermissionList role={role} descriptions={descriptions} />
              </li>
            );
          })}
        </ul>
      </section>

      {editorOpened ? (
        <RoleEditorDialog
          org={org}
          ws={ws}
          mode={dialog?.kind === "new" ? { kind: "new" } : dialog?.kind === "edit" ? { kind: "edit", role: dialog.role } : null}
          onOpenChange={(o) => !o && setDialog(null)}
          catalog={workspaceCatalog}
          held={held}
        />
      ) : null}
      {deleteOpened ? (
        <DeleteRoleDialog org={org} ws={ws} role={dialog?.kind === "delete" ? dialog.role : null} onOpenChange={(o) => !o && setDialog(null)} />
      ) : null}
    </div>
  );
}
