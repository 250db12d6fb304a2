"use client";

import { ConfirmActionDialog } from "@/components/confirm-dialog";
import { organizationKeys } from "@/lib/console/query-keys";
import { removeOrganizationMemberAction } from "../actions";
import type { MemberRef } from "./member-dialogs";

export function RemoveOrgMemberDialog({ org, orgTitle, member, onClose }: { org: string; orgTitle: string; member: MemberRef | null; onClose: () => void }) {
  return (
    <ConfirmActionDialog
      open={member !== null}
      onOpenChange={(open) => (open ? undefined : onClose())}
      title="Remove member"
      description={member ? `${member.name} (${member.email})` : ""}
      confirmLabel="Remove member"
      action={() => removeOrganizationMemberAction(org, member?.userId ?? "")}
      invalidate={[organizationKeys.members(org)]}
      done={{ title: "Member removed", description: `${member?.name ?? ""} is no longer a member of ${orgTitle}.` }}
    >
      <div className="space-y-3 text-sm">
        <p>
          Remove <strong>{member?.name}</strong> from <strong>{orgTitle}</strong>?
        </p>
        <ul className="list-disc space-y-1 pl-5 text-muted">
          <li>They are also removed from every workspace of this organization.</li>
          <li>Their pending invitations to this organization&apos;s workspaces are revoked.</li>
          <li>Their account itself stays; they can be added again later.</li>
        </ul>
      </div>
    </ConfirmActionDialog>
  );
}
