"use client";

import { ConfirmActionDialog } from "@/components/confirm-dialog";
import { roleKeys } from "@/lib/console/query-keys";
import type { RoleOutput } from "@/lib/schemas/roles";
import { deleteRoleAction } from "../actions";

export interface DeleteRoleDialogProps {
  org: string;
  ws: string;
  role: RoleOutput | null;
  onOpenChange: (open: boolean) => void;
}

export function DeleteRoleDialog({ org, ws, role, onOpenChange }: DeleteRoleDialogProps) {
  return (
    <ConfirmActionDialog
      open={role !== null}
      onOpenChange={onOpenChange}
      title={`Delete role “${role?.title ?? ""}”?`}
      description="The role and its permission list are deleted. This cannot be undone."
      confirmLabel="Delete role"
      action={() => deleteRoleAction(org, ws, role?.role_id ?? "", role?.etag ?? "")}
      // A refusal may come from holder counts that changed since the page was read.
      invalidate={[roleKeys.workspace(ws)]}
      done={{ title: "Role deleted", description: `“${role?.title ?? ""}” was deleted.` }}
    />
  );
}
