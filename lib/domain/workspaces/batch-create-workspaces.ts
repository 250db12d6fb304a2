import "server-only";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import { authorize, type OrgAccess } from "../../auth/authorize";
import {
  DEFAULT_DATA_POLICY,
  type BatchCreateWorkspacesInput,
  type BatchCreateWorkspacesOutput,
  type WorkspaceDraftInput,
} from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { insertInvitations, type NewInvitation } from "../invitations/insert-invitation";
import { insertWorkspace, type NewWorkspace } from "./create-workspace";
import { loadWorkspaceBlueprint, type MemberSeed, type WorkspaceBlueprint } from "./workspace-blueprint";
import { isUniqueViolation, titleTaken } from "./workspace-changes";
import { toWorkspaceOutput, workspaceName } from "./workspace-output";

// A batch of 100 workspaces is a few hundred statements; Prisma's default 5 s would cut it short
// on a slow disk, and a half-done batch is never visible anyway (one transaction).
const BATCH_TIMEOUT_MS = 60_000;

const titleField = (i: number) => `requests[${i}].workspace.title`;

/** Request fields win; a template fills what the request leaves unset; then the defaults. */
function seedFor(draft: WorkspaceDraftInput, template: WorkspaceBlueprint | undefined): NewWorkspace {
  return {
    title: draft.title,
    description: draft.description ?? template?.description ?? "",
    icon: draft.workspace_icon ?? template?.icon ?? "",
    iconColor: draft.workspace_icon_color ?? template?.iconColor ?? "",
    dataPolicy: draft.data_policy ?? template?.dataPolicy ?? DEFAULT_DATA_POLICY,
    domain: draft.configuration?.domain ?? template?.domain ?? "",
    preferences: template?.preferences ?? null,
    roles: template?.roles ?? [],
  };
}

function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/**
 * POST …/workspaces:batchCreate — the generic seed's bulk provisioning, all or nothing in one
 * transaction. Members who are organization members join with the given roles; everyone else
 * gets an invitation. A `template_workspace_id` fills unset fields from that workspace, which the
 * caller must be allowed to copy (clone:Workspace on it).
 */
export async function batchCreateWorkspaces(ctx: RequestContext, access: OrgAccess, input: BatchCreateWorkspacesInput): Promise<BatchCreateWorkspacesOutput> {
  const organizationId = access.organizationId;
  const template = input.template_workspace_id
    ? await authorize(ctx, "clone:Workspace", { organizationId, workspaceId: input.template_workspace_id })
    : undefined;

  // Rules that need no database first, so a bad row is reported before anything is written.
  const firstByTitle = new Map<string, number>();
  input.requests.forEach((r, i) => {
    const key = r.workspace.title.toLowerCase();
    const first = firstByTitle.get(key);
    if (first !== undefined) {
      throw new ApiError("ALREADY_EXISTS", `requests[${i}] repeats the title "${r.workspace.title}" of requests[${first}].`, {
        reason: "WORKSPACE_TITLE_TAKEN",
        metadata: { title: r.workspace.title, index: String(i) },
        fieldViolations: [{ field: titleField(i), description: `repeats the title of requests[${first}]` }],
      });
    }
    firstByTitle.set(key, i);
  });

  const prisma = await db();
  let failedIndex = -1;
  try {
    const rows = await prisma.$transaction(
      async (tx) => {
        const blueprint = template ? await loadWorkspaceBlueprint(tx, template, { members: false }) : undefined;
        const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { title: true } });

        const taken = await tx.workspace.findMany({
          where: { organizationId, activeTitleKey: { in: [...firstByTitle.keys()] } },
          select: { activeTitleKey: true },
        });
        if (taken.length) {
          const index = firstByTitle.get(taken[0].activeTitleKey!)!;
          throw titleTaken(input.requests[index].workspace.title, titleField(index));
        }

        const emails = [...new Set(input.requests.flatMap((r) => r.members.map((m) => m.email)))];
        const users = emails.length
          ? await tx.user.findMany({
              where: { email: { in: emails }, organizationMemberships: { some: { organizationId } } },
              select: { id: true, email: true },
            })
          : [];
        const orgMemberIds = new Map(users.map((u) => [u.email, u.id]));

        const created = [];
        for (const [i, request] of input.requests.entries()) {
          const seed = seedFor(request.workspace, blueprint);
          const members: MemberSeed[] = [];
          const invites: Omit<NewInvitation, "workspaceId">[] = [];
          for (const [j, m] of request.members.entries()) {
            const userId = orgMemberIds.get(m.email);
            if (userId) {
              members.push({ userId, roles: m.roles });
              continue;
            }
            // API.md §3: a workspace with a domain takes invitations for that domain only.
            if (seed.domain && emailDomain(m.email) !== seed.domain) {
              throw new ApiError("INVALID_ARGUMENT", `requests[${i}].members[${j}]: ${m.email} is outside the workspace's domain ${seed.domain}.`, {
                reason: "EMAIL_OUTSIDE_DOMAIN",
                metadata: { email: m.email, domain: seed.domain },
                fieldViolations: [{ field: `requests[${i}].members[${j}].email`, description: `must be an address of ${seed.domain} to be invited` }],
              });
            }
            invites.push({ organizationId, email: m.email, roles: m.roles, organizationTitle: organization.title, workspaceTitle: seed.title });
          }
          failedIndex = i;
          const row = await insertWorkspace(tx, ctx, organizationId, { ...seed, members });
          failedIndex = -1;
          const invitations = await insertInvitations(tx, ctx, invites.map((inv) => ({ ...inv, workspaceId: row.id })));
          await writeAuditEntry(tx, ctx, {
            organizationId,
            workspaceId: row.id,
            action: "workspace.batch_create",
            resource: workspaceName(organizationId, row.id),
            changes: {
              after: toWorkspaceOutput(row),
              ...(template ? { template: workspaceName(organizationId, template.workspaceId) } : {}),
              members: members.map((m) => ({ user_id: m.userId, roles: m.roles })),
              invitations: invitations.map((inv) => ({ invitation_id: inv.id, email: inv.email })),
            },
          });
          created.push(row);
        }
        return created;
      },
      { timeout: BATCH_TIMEOUT_MS },
    );
    return { workspaces: rows.map(toWorkspaceOutput) };
  } catch (error) {
    // A concurrent create took a title between the check above and the insert.
    if (isUniqueViolation(error) && failedIndex >= 0) throw titleTaken(input.requests[failedIndex].workspace.title, titleField(failedIndex));
    throw error;
  }
}
