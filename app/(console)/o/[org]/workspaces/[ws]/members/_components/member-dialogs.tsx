"use client";

// The Members tab's dialogs with React Query, which they run their actions through: loaded as one
// module when the first dialog opens, so the list's first load carries one loader, not five. Each
// dialog's own code (its form, schemas) still loads when that dialog first opens.

import { lazy, type Dispatch, type SetStateAction } from "react";
import QueryIsland from "@/components/query-island";
import { useOpenedOnce } from "@/lib/console/use-opened-once";
import type { WorkspaceUserOutput } from "@/lib/schemas/members";
import type { RoleOutput } from "@/lib/schemas/roles";
import type { BulkKind } from "./bulk-member-dialog";
import type { MemberDialog } from "./members-controls";

const AddMemberDialog = lazy(() => import("./add-member-dialog").then((m) => ({ default: m.AddMemberDialog })));
const BulkMemberDialog = lazy(() => import("./bulk-member-dialog").then((m) => ({ default: m.BulkMemberDialog })));
const ChangeRolesDialog = lazy(() => import("./change-roles-dialog").then((m) => ({ default: m.ChangeRolesDialog })));
const RemoveMemberDialog = lazy(() => import("./remove-member-dialog").then((m) => ({ default: m.RemoveMemberDialog })));

export interface MemberDialogsProps {
  org: string;
  ws: string;
  me: string;
  isOrgAdmin: boolean;
  roles: RoleOutput[];
  held: ReadonlySet<string>;
  lastAdmin: string | null;
  dialog: MemberDialog;
  setDialog: (dialog: MemberDialog) => void;
  bulk: BulkKind | null;
  setBulk: (bulk: BulkKind | null) => void;
  selected: ReadonlyMap<string, WorkspaceUserOutput>;
  setSelected: Dispatch<SetStateAction<ReadonlyMap<string, WorkspaceUserOutput>>>;
  /** A dialog changed something: render the list again. */
  onMutated: () => void;
}

export default function MemberDialogs({ org, ws, me, isOrgAdmin, roles, held, lastAdmin, dialog, setDialog, bulk, setBulk, selected, setSelected, onMutated }: MemberDialogsProps) {
  const addOpened = useOpenedOnce(dialog?.kind === "add");
  const rolesOpened = useOpenedOnce(dialog?.kind === "roles");
  const removeOpened = useOpenedOnce(dialog?.kind === "remove");
  return (
    <QueryIsland onMutated={onMutated}>
      {addOpened ? (
        <AddMemberDialog org={org} ws={ws} open={dialog?.kind === "add"} onOpenChange={(o) => !o && setDialog(null)} roles={roles} held={held} />
      ) : null}
      {rolesOpened ? (
        <ChangeRolesDialog
          org={org}
          ws={ws}
          member={dialog?.kind === "roles" ? dialog.member : null}
          onOpenChange={(o) => !o && setDialog(null)}
          roles={roles}
          held={held}
          isLastAdmin={dialog?.kind === "roles" && lastAdmin !== null && dialog.member.user.name.endsWith(`/${lastAdmin}`)}
        />
      ) : null}
      {bulk ? (
        <BulkMemberDialog
          org={org}
          ws={ws}
          kind={bulk}
          members={[...selected.values()]}
          roles={roles}
          held={held}
          onOpenChange={(o) => !o && setBulk(null)}
          // Removed members leave the selection; members whose roles changed stay selected, so
          // the next action (e.g. Remove) can follow on the same people.
          onDone={(succeeded) => {
            // It runs one action per member, not a mutation: the list is rendered again here.
            onMutated();
            if (bulk === "remove")
              setSelected((prev) => {
                const next = new Map(prev);
                for (const name of succeeded) next.delete(name);
                return next;
              });
          }}
        />
      ) : null}
      {removeOpened ? (
        <RemoveMemberDialog
          org={org}
          ws={ws}
          me={me}
          isOrgAdmin={isOrgAdmin}
          member={dialog?.kind === "remove" ? dialog.member : null}
          onOpenChange={(o) => !o && setDialog(null)}
        />
      ) : null}
    </QueryIsland>
  );
}
