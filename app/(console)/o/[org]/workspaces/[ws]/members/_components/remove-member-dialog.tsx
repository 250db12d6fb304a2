"use client";

import { useRouter } from "next/navigation";
import { ConfirmActionDialog } from "@/components/confirm-dialog";
import { userIdOf } from "@/lib/console/member-list-query";
import { memberKeys, roleKeys, workspaceKeys } from "@/lib/console/query-keys";
import type { UserWithRolesOutput } from "@/lib/schemas/members";
import { removeMemberAction } from "../actions";

export interface RemoveMemberDialogProps {
  org: string;
  ws: string;
  me: string;
  isOrgAdmin: boolean;
  member: UserWithRolesOutput | null;
  onOpenChange: (open: boolean) => void;
}

export function RemoveMemberDialog({ org, ws, me, isOrgAdmin, member, onOpenChange }: RemoveMemberDialogProps) {
  const router = useRouter();
  const self = member !== null && userIdOf(member.user.name) === me;
  const name = member ? member.user.display_name || member.user.email : "";
  // Without workspace roles (and not an org admin) the workspace is no longer visible: back to the list.
  const leavesSight = self && !isOrgAdmin;
  return (
    <ConfirmActionDialog
      open={member !== null}
      onOpenChange={onOpenChange}
      title={self ? "Leave workspace?" : `Remove ${name}?`}
      description={
        self
          ? "You will lose the access your workspace roles give you. Someone with the right permission can add you again."
          : `${name} will lose access to this workspace, and their pending invitations to it are revoked. They stay in the organization.`
      }
      confirmLabel={self ? "Leave workspace" : "Remove member"}
      action={() => removeMemberAction(org, ws, member ? userIdOf(member.user.name) : "")}
      invalidate={leavesSight ? [workspaceKeys.org(org)] : [memberKeys.workspace(ws), roleKeys.holders(ws)]}
      done={self ? { title: "You left the workspace" } : { title: "Member removed", description: `${name} no longer has access to this workspace.` }}
      onDone={leavesSight ? () => router.push(`/o/${org}/workspaces`) : undefined}
    />
  );
}
