"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import type { OrgMemberListQuery } from "@/lib/console/member-list-query";
import type { ListOrganizationUsersOutput, OrganizationOutput } from "@/lib/schemas/organizations";
import { ReasonButton } from "@/components/reason-button";
import type { Gate } from "@/lib/operations/gates";
import type { OrgRole } from "./member-dialogs";
import { MembersSection } from "./members-section";
import { OrganizationProfileForm } from "./organization-profile-form";
import { useOpenedOnce } from "@/lib/console/use-opened-once";

// The dialogs load when first opened, not with the page.
const TransferOwnershipDialog = dynamic(() => import("./transfer-ownership").then((m) => m.TransferOwnershipDialog), { ssr: false });
const DeleteOrganizationDialog = dynamic(() => import("./delete-organization-dialog").then((m) => m.DeleteOrganizationDialog), { ssr: false });

export interface OrgSettingsGates {
  edit: Gate;
  addMember: Gate;
  changeMemberRoles: Gate;
  removeMember: Gate;
  transfer: Gate;
  remove: Gate;
}

export interface OrgSettingsViewProps {
  org: string;
  organization: OrganizationOutput;
  roles: OrgRole[];
  /** What the caller may do in the organization, and why not. */
  can: OrgSettingsGates;
  caller: { userId: string; email: string };
  initialQuery: OrgMemberListQuery;
  initialMembers: ListOrganizationUsersOutput | null;
  renderedAt: number;
  /** The organization's default-preferences form, rendered by the page. */
  defaultPreferences?: ReactNode;
  /** The pending invitations across workspaces, rendered by the page (absent without the permission). */
  pendingInvites?: ReactNode;
}

export function OrgSettingsView({ org, organization, roles, can, caller, initialQuery, initialMembers, renderedAt, defaultPreferences, pendingInvites }: OrgSettingsViewProps) {
  const canEdit = can.edit.can;
  const canManage = can.addMember.can || can.changeMemberRoles.can || can.removeMember.can;
  const isOwner = caller.email === organization.owner_email;
  const owner = organization.owner_display_name ? `${organization.owner_display_name} (${organization.owner_email})` : organization.owner_email;
  const [transferring, setTransferring] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const transferOpened = useOpenedOnce(transferring);
  const deleteOpened = useOpenedOnce(deleting);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Organization settings</h1>
        <p className="mt-1 text-sm text-muted">
          Owned by <span className="font-medium text-fg" data-testid="org-owner">{owner}</span>
          {isOwner ? " (you)" : ""}.
          {!canEdit && !canManage ? " You can look, but changes need an organization admin." : ""}
        </p>
      </div>

      <section aria-labelledby="general-heading" className="rounded-xl border border-border bg-surface p-4 shadow-sm sm:p-5">
        <h2 id="general-heading" className="mb-4 text-base font-semibold">
          General
        </h2>
        <OrganizationProfileForm org={org} organization={organization} edit={can.edit} />
      </section>

      {defaultPreferences}

      <MembersSection
        org={org}
        orgTitle={organization.title}
        ownerEmail={organization.owner_email}
        roles={roles}
        can={{ add: can.addMember, changeRoles: can.changeMemberRoles, remove: can.removeMember }}
        callerEmail={caller.email}
        initialQuery={initialQuery}
        initialData={initialMembers}
        renderedAt={renderedAt}
      />

      {pendingInvites}

      <section aria-labelledby="ownership-heading" className="rounded-xl border border-red-300 bg-surface p-4 shadow-sm sm:p-5 dark:border-red-900">
        <h2 id="ownership-heading" className="text-base font-semibold">
          Transfer ownership
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          The owner cannot be removed or lose the Organization Admin role, and is the only one who can hand the organization to another member.
        </p>
        <div className="mt-4">
          <ReasonButton
            variant="secondary"
            reason={isOwner ? can.transfer.reason || undefined : `Only the owner, ${owner}, can transfer ownership.`}
            onClick={() => setTransferring(true)}
          >
            Transfer ownership…
          </ReasonButton>
        </div>
      </section>

      <section aria-labelledby="delete-org-heading" className="rounded-xl border border-red-300 bg-surface p-4 shadow-sm sm:p-5 dark:border-red-900">
        <h2 id="delete-org-heading" className="text-base font-semibold">
          Delete organization
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-muted">
          Everyone loses access to the organization and all of its workspaces. The owner can restore it for 30 days; after that it is purged.
        </p>
        <div className="mt-4">
          <ReasonButton
            variant="danger"
            reason={isOwner ? can.remove.reason || undefined : `Only the owner, ${owner}, can delete the organization.`}
            onClick={() => setDeleting(true)}
          >
            Delete organization…
          </ReasonButton>
        </div>
      </section>

      {deleteOpened ? <DeleteOrganizationDialog org={org} title={organization.title} open={deleting} onOpenChange={setDeleting} /> : null}

      {transferOpened ? (
        <TransferOwnershipDialog
          org={org}
          orgTitle={organization.title}
          ownerEmail={organization.owner_email}
          open={transferring}
          onOpenChange={setTransferring}
        />
      ) : null}
    </div>
  );
}
