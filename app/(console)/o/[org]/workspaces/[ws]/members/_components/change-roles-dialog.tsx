"use client";

// "Change roles" of one member: the workspace roles as a checklist, checked with the API's
// MemberRolesUpdateInput (react-hook-form); a refusal naming the roles is shown under them.

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useForm } from "react-hook-form";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Dialog, DialogContent } from "@/components/dialog";
import { DialogFooter } from "@/components/form-dialog";
import { useToast } from "@/components/toast";
import { WORKSPACE_ADMIN } from "@/lib/auth/permissions";
import type { ActionFailure } from "@/lib/console/action-result";
import { applyServerErrors } from "@/lib/console/form-errors";
import { userIdOf } from "@/lib/console/member-list-query";
import { memberKeys, roleKeys } from "@/lib/console/query-keys";
import type { UserWithRolesOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import { updateMemberRolesAction } from "../actions";
import { RoleChecklistField } from "./role-checklist";
import { rolesPlacement, rolesResolver, type RolesValues } from "./roles-form";

export interface ChangeRolesDialogProps {
  org: string;
  ws: string;
  member: UserWithRolesOutput | null;
  onOpenChange: (open: boolean) => void;
  roles: RoleOutput[];
  held: ReadonlySet<string>;
  /** The member is the workspace's only admin: workspace-admin cannot be taken away. */
  isLastAdmin: boolean;
}

export function ChangeRolesDialog({ member, onOpenChange, ...rest }: ChangeRolesDialogProps) {
  return (
    <Dialog open={member !== null} onOpenChange={onOpenChange}>
      {member ? (
        <DialogContent
          title="Change roles"
          description={
            <>
              Roles of <span className="font-medium text-fg">{member.user.display_name || member.user.email}</span> in this workspace.
            </>
          }
        >
          <ChangeRolesForm key={member.user.name} member={member} {...rest} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function ChangeRolesForm({
  org,
  ws,
  member,
  roles,
  held,
  isLastAdmin,
  onDone,
}: Omit<ChangeRolesDialogProps, "member" | "onOpenChange"> & { member: UserWithRolesOutput; onDone: () => void }) {
  const current = member.roles.filter((r) => r.role_scope === "ROLE_SCOPE_WORKSPACE").map((r) => r.name);
  const form = useForm<RolesValues>({ defaultValues: { roles: current }, resolver: rolesResolver("member") });
  const error = form.formState.errors.roles?.message ?? form.formState.errors.roles?.root?.message;
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const name = member.user.display_name || member.user.email;
  // Roles the member holds that this workspace no longer lists (or the user cannot read) stay shown.
  const shown = [
    ...roles,
    ...current
      .filter((id) => !roles.some((r) => r.role_id === id))
      .map((id) => ({ name: id, role_id: id, title: id, description: "", permissions: [], role_scope: "ROLE_SCOPE_WORKSPACE" as const, built_in: false, etag: "" })),
  ];

  const save = useMutation({
    mutationFn: (next: string[]) => updateMemberRolesAction(org, ws, userIdOf(member.user.name), { roles: next }),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(applyServerErrors(form, result.error, rolesPlacement));
        return;
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.workspace(ws) }),
        queryClient.invalidateQueries({ queryKey: roleKeys.holders(ws) }),
      ]);
      toast({ title: "Roles updated", description: `${name}'s roles were saved.` });
      onDone();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (save.isPending) return;
    setFailure(null);
    void form.handleSubmit((values) => save.mutate(values.roles))(e);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col">
      <div className="space-y-5 px-5 py-5">
        <ActionErrorAlert failure={failure} />
        <RoleChecklistField
          control={form.control}
          name="roles"
          legend="Workspace roles"
          roles={shown}
          held={held}
          alreadyHeld={current}
          locked={
            isLastAdmin
              ? { [WORKSPACE_ADMIN]: `${name} is this workspace's only admin, so Workspace Admin cannot be taken away. Make another member a Workspace Admin first.` }
              : {}
          }
          error={error}
        />
      </div>
      <DialogFooter submitLabel="Save roles" pending={save.isPending} />
    </form>
  );
}
