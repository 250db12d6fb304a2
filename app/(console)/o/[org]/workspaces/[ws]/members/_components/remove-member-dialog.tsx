"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionErrorAlert, UNREACHABLE } from "@/components/action-error";
import { Button, Spinner } from "@/components/button";
import { Dialog, DialogClose, DialogContent } from "@/components/dialog";
import { useToast } from "@/components/toast";
import type { ActionFailure } from "@/lib/console/action-result";
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

export function RemoveMemberDialog({ member, me, onOpenChange, ...rest }: RemoveMemberDialogProps) {
  const self = member !== null && userIdOf(member.user.name) === me;
  const name = member ? member.user.display_name || member.user.email : "";
  return (
    <Dialog open={member !== null} onOpenChange={onOpenChange}>
      {member ? (
        <DialogContent
          title={self ? "Leave workspace?" : `Remove ${name}?`}
          description={
            self
              ? "You will lose the access your workspace roles give you. Someone with the right permission can add you again."
              : `${name} will lose access to this workspace, and their pending invitations to it are revoked. They stay in the organization.`
          }
        >
          <RemoveForm key={member.user.name} member={member} self={self} {...rest} onDone={() => onOpenChange(false)} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function RemoveForm({
  org,
  ws,
  isOrgAdmin,
  member,
  self,
  onDone,
}: Omit<RemoveMemberDialogProps, "member" | "me" | "onOpenChange"> & { member: UserWithRolesOutput; self: boolean; onDone: () => void }) {
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const queryClient = useQueryClient();
  const toast = useToast();
  const router = useRouter();
  const name = member.user.display_name || member.user.email;

  const remove = useMutation({
    mutationFn: () => removeMemberAction(org, ws, userIdOf(member.user.name)),
    onSuccess: async (result) => {
      if (!result.ok) {
        setFailure(result.error);
        return;
      }
      if (self && !isOrgAdmin) {
        // Without workspace roles the workspace is no longer visible: go back to the list.
        toast({ title: "You left the workspace" });
        await queryClient.invalidateQueries({ queryKey: workspaceKeys.org(org) });
        router.push(`/o/${org}/workspaces`);
        return;
      }
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: memberKeys.workspace(ws) }),
        queryClient.invalidateQueries({ queryKey: roleKeys.holders(ws) }),
      ]);
      toast({ title: self ? "You left the workspace" : "Member removed", description: self ? undefined : `${name} no longer has access to this workspace.` });
      onDone();
    },
    onError: () => setFailure(UNREACHABLE),
  });

  return (
    <div className="flex flex-col">
      {failure ? (
        <div className="px-5 pt-5">
          <ActionErrorAlert failure={failure} />
        </div>
      ) : null}
      <div className="flex flex-col-reverse gap-2 px-5 py-4 sm:flex-row sm:justify-end">
        <DialogClose asChild>
          <Button variant="secondary" autoFocus>
            Cancel
          </Button>
        </DialogClose>
        <Button variant="danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          {remove.isPending ? <Spinner /> : null}
          {self ? "Leave workspace" : "Remove member"}
        </Button>
      </div>
    </div>
  );
}
