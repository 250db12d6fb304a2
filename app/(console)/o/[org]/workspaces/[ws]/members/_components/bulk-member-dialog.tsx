"use client";

// Changing the roles of, or removing, several members at once: one request per member (the same
// server action a single change uses, so every rule — last admin, no escalation — is checked per
// member), run one after the other, and the outcome shown per member: done, or the server's
// refusal with its request id. Nothing is retried or rolled back behind the user's back. The roles
// are a react-hook-form checked with the API's MemberRolesUpdateInput before anything is sent; a
// refusal that names the roles (the same body went to every member) is also shown under them.

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FormDialog } from "@/components/form-dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure, ActionOutcome } from "@/lib/console/action-result";
import { applyServerErrors } from "@/lib/console/form-errors";
import { userIdOf } from "@/lib/console/member-list-query";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import type { UserWithRolesOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import { removeMemberAction, updateMemberRolesAction } from "../actions";
import { RoleChecklistField } from "./role-checklist";
import { rolesPlacement, rolesResolver, type RolesValues } from "./roles-form";

export type BulkKind = "roles" | "remove";

type Outcome = { state: "pending" } | { state: "done" } | { state: "failed"; failure: ActionFailure };

export interface BulkMemberDialogProps {
  org: string;
  ws: string;
  kind: BulkKind;
  members: UserWithRolesOutput[];
  roles: RoleOutput[];
  held: ReadonlySet<string>;
  onOpenChange: (open: boolean) => void;
  /** Called after the run with the members whose change went through. */
  onDone: (succeeded: string[]) => void;
}

const nameOf = (m: UserWithRolesOutput) => m.user.display_name || m.user.email;

export function BulkMemberDialog({ org, ws, kind, members: selected, roles, held, onOpenChange, onDone }: BulkMemberDialogProps) {
  // The members as selected when the dialog opened: every one keeps its row and its outcome.
  const [members] = useState(selected);
  const form = useForm<RolesValues>({ defaultValues: { roles: [] }, resolver: rolesResolver("members") });
  const error = form.formState.errors.roles?.message ?? form.formState.errors.roles?.root?.message;
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [running, setRunning] = useState(false);
  const queryClient = useQueryClient();
  const toast = useToast();
  const finished = Object.keys(outcomes).length > 0 && !running;

  const run = async (chosen: string[]) => {
    // A second run (after refusals) retries only the members not done yet.
    const todo = members.filter((m) => outcomes[m.user.name]?.state !== "done");
    setRunning(true);
    setOutcomes((o) => ({ ...o, ...Object.fromEntries(todo.map((m) => [m.user.name, { state: "pending" } as Outcome])) }));
    const succeeded: string[] = [];
    let fieldRefusal: ActionFailure | null = null;
    for (const m of todo) {
      const id = userIdOf(m.user.name);
      let result: ActionOutcome<unknown> | null;
      try {
        result = kind === "roles" ? await updateMemberRolesAction(org, ws, id, { roles: chosen }) : await removeMemberAction(org, ws, id);
      } catch {
        result = null;
      }
      const outcome: Outcome = !result
        ? { state: "failed", failure: { code: "UNAVAILABLE", message: "The server could not be reached.", requestId: "", fieldViolations: [] } }
        : result.ok
          ? { state: "done" }
          : { state: "failed", failure: result.error };
      if (outcome.state === "done") succeeded.push(m.user.name);
      else if (!fieldRefusal && outcome.failure.fieldViolations.length) fieldRefusal = outcome.failure;
      setOutcomes((o) => ({ ...o, [m.user.name]: outcome }));
    }
    setRunning(false);
    if (fieldRefusal && kind === "roles") applyServerErrors(form, fieldRefusal, rolesPlacement);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: memberKeys.workspace(ws) }),
      queryClient.invalidateQueries({ queryKey: roleKeys.holders(ws) }),
    ]);
    const failed = todo.length - succeeded.length;
    toast({
      tone: failed ? "error" : "success",
      title: kind === "roles" ? "Roles updated" : "Members removed",
      description: `${succeeded.length} of ${todo.length} done${failed ? `, ${failed} refused — see the dialog` : ""}.`,
    });
    onDone(succeeded);
    if (!failed) onOpenChange(false);
  };

  const count = `${members.length} ${members.length === 1 ? "member" : "members"}`;
  return (
    <FormDialog
      open
      onOpenChange={(o) => !running && onOpenChange(o)}
      title={kind === "roles" ? `Change roles of ${count}` : `Remove ${count}?`}
      description={
        kind === "roles"
          ? "Each selected member gets exactly the roles checked here, in one request per member."
          : "They lose access to this workspace and their pending invitations to it are revoked. They stay in the organization."
      }
      submitLabel={finished ? "Try the refused ones again" : kind === "roles" ? "Save roles" : `Remove ${count}`}
      submitVariant={kind === "remove" ? "danger" : "primary"}
      pending={running}
      cancelFirst={kind === "remove"}
      onSubmit={() => {
        if (kind === "remove") void run([]);
        else void form.handleSubmit((values) => run(values.roles))();
      }}
    >
      {kind === "roles" ? (
        <RoleChecklistField
          control={form.control}
          name="roles"
          legend="Workspace roles"
          roles={roles}
          held={held}
          error={error}
          disabled={running}
        />
      ) : null}
      <ul aria-label="Selected members" className="divide-y divide-border rounded-lg border border-border text-sm">
        {members.map((m) => {
          const o = outcomes[m.user.name];
          return (
            <li key={m.user.name} data-bulk-member={m.user.email} className="flex items-start justify-between gap-3 px-3 py-2">
              <span className="min-w-0 break-words">{nameOf(m)}</span>
              <span className="shrink-0 text-right" aria-live="polite">
                {!o ? null : o.state === "pending" ? (
                  <span className="text-muted">Waiting…</span>
                ) : o.state === "done" ? (
                  <span className="font-medium text-green-700 dark:text-green-400">Done</span>
                ) : (
                  <span className="block max-w-[16rem] text-danger">
                    {o.failure.message}
                    {o.failure.requestId ? <span className="block text-xs text-muted">Request ID: {o.failure.requestId}</span> : null}
                  </span>
                )}
              </span>
            </li>
          );
        })}
      </ul>
    </FormDialog>
  );
}
