import "server-only";
import { db, sqlTransaction } from "../../db";
import type { SqlTx, Tx } from "../../prisma-client";
import { ApiError } from "../../api/errors";
import type { RequestContext } from "../../auth/context";
import { authorize, type OrgAccess } from "../../auth/authorize";
import {
  DEFAULT_DATA_POLICY,
  type BatchCreateWorkspacesInput,
  type BatchCreateWorkspacesOutput,
  type BatchMemberOutcome,
  type BatchValidationOutput,
  type WorkspaceDraftInput,
} from "../../schemas/workspaces";
import { writeAuditEntries } from "../audit/write-audit-entry";
import { insertInvitations } from "../invitations/insert-invitation";
import { insertWorkspaces, type NewWorkspace } from "./create-workspace";
import { loadWorkspaceBlueprint, type MemberSeed, type WorkspaceBlueprint } from "./workspace-blueprint";
import { isUniqueViolation, titleTaken, type WorkspaceRef } from "./workspace-changes";
import { toWorkspaceOutput, workspaceName } from "./workspace-output";

// A batch is a dozen statements whatever its size (set-based inserts), but 100 × 100 members
// and invitations is a lot of rows; Prisma's default 5 s could cut it short on a slow disk, and a
// half-done batch is never visible anyway (one transaction). (Raw transactions have no limit.)
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

// The checks a batch must pass, in the order a real call reports them: a title repeated within
// the batch, then a title an existing workspace holds, then an invitee outside the domain. A real
// call throws the first violation of the first kind (lowest row first); `validate_only` answers
// every violation of every row. Both come from `checkBatch`, so the preview cannot drift from the
// real call.
const RANK = { repeatedTitle: 0, takenTitle: 1, outsideDomain: 2 } as const;

interface Violation {
  rank: number;
  index: number;
  error: ApiError;
  /** The sentence a preview shows beside the row (no `requests[i]` prefix). */
  summary: string;
}

interface RowPlan {
  seed: NewWorkspace;
  members: MemberSeed[];
  invites: { email: string; roles: string[] }[];
  /** Every listed member, in request order, with what the batch would do for them. */
  outcomes: BatchMemberOutcome[];
}

interface BatchCheck {
  rows: RowPlan[];
  violations: Violation[];
}

async function checkBatch(tx: SqlTx, organizationId: string, input: BatchCreateWorkspacesInput, blueprint: WorkspaceBlueprint | undefined): Promise<BatchCheck> {
  const violations: Violation[] = [];

  const firstByTitle = new Map<string, number>();
  input.requests.forEach((r, i) => {
    const key = r.workspace.title.toLowerCase();
    const first = firstByTitle.get(key);
    if (first === undefined) {
      firstByTitle.set(key, i);
      return;
    }
    violations.push({
      rank: RANK.repeatedTitle,
      index: i,
      summary: `Repeats the title "${r.workspace.title}" of request ${first + 1} in this batch.`,
      error: new ApiError("ALREADY_EXISTS", `requests[${i}] repeats the title "${r.workspace.title}" of requests[${first}].`, {
        reason: "WORKSPACE_TITLE_TAKEN",
        metadata: { title: r.workspace.title, index: String(i) },
        fieldViolations: [{ field: titleField(i), description: `repeats the title of requests[${first}]` }],
      }),
    });
  });

  const taken = new Set(
    (
      await tx.$queryRawUnsafe<{ key: string }[]>(
        `SELECT active_title_key AS key FROM workspaces WHERE organization_id = $1 AND active_title_key = ANY($2::text[])`,
        organizationId,
        [...firstByTitle.keys()],
      )
    ).map((w) => w.key),
  );
  input.requests.forEach((r, i) => {
    if (!taken.has(r.workspace.title.toLowerCase())) return;
    const error = titleTaken(r.workspace.title, titleField(i));
    violations.push({ rank: RANK.takenTitle, index: i, error, summary: error.message });
  });

  const emails = [...new Set(input.requests.flatMap((r) => r.members.map((m) => m.email)))];
  const users = emails.length
    ? await tx.$queryRawUnsafe<{ id: string; email: string }[]>(
        `SELECT u.id, u.email FROM users u
          WHERE u.email = ANY($1::text[])
            AND EXISTS (SELECT 1 FROM organization_members o WHERE o.user_id = u.id AND o.organization_id = $2)`,
        emails,
        organizationId,
      )
    : [];
  const orgMemberIds = new Map(users.map((u) => [u.email, u.id]));

  const rows = input.requests.map((request, i): RowPlan => {
    const seed = seedFor(request.workspace, blueprint);
    const plan: RowPlan = { seed, members: [], invites: [], outcomes: [] };
    for (const [j, m] of request.members.entries()) {
      const userId = orgMemberIds.get(m.email);
      if (userId) {
        plan.members.push({ userId, roles: m.roles });
        plan.outcomes.push({ email: m.email, outcome: "ADD_MEMBER" });
        continue;
      }
      plan.outcomes.push({ email: m.email, outcome: "INVITE" });
      // API.md §3: a workspace with a domain takes invitations for that domain only.
      if (seed.domain && emailDomain(m.email) !== seed.domain) {
        violations.push({
          rank: RANK.outsideDomain,
          index: i,
          summary: `${m.email} is outside the workspace's domain ${seed.domain} and is not an organization member, so cannot be invited.`,
          error: new ApiError("INVALID_ARGUMENT", `requests[${i}].members[${j}]: ${m.email} is outside the workspace's domain ${seed.domain}.`, {
            reason: "EMAIL_OUTSIDE_DOMAIN",
            metadata: { email: m.email, domain: seed.domain },
            fieldViolations: [{ field: `requests[${i}].members[${j}].email`, description: `must be an address of ${seed.domain} to be invited` }],
          }),
        });
        continue;
      }
      plan.invites.push({ email: m.email, roles: m.roles });
    }
    return plan;
  });

  // Stable order: by kind, then row, then the order found within the row.
  violations.sort((a, b) => a.rank - b.rank || a.index - b.index);
  return { rows, violations };
}

function verdictOf(input: BatchCreateWorkspacesInput, check: BatchCheck): BatchValidationOutput {
  const requests = input.requests.map((r, i) => {
    const mine = check.violations.filter((v) => v.index === i).sort((a, b) => a.rank - b.rank);
    return {
      index: i,
      title: r.workspace.title,
      valid: mine.length === 0,
      violations: mine.map((v) => ({
        field: v.error.options.fieldViolations?.[0]?.field ?? `requests[${i}]`,
        code: v.error.code,
        reason: v.error.options.reason ?? v.error.code,
        description: v.summary,
      })),
      members: check.rows[i].outcomes,
    };
  });
  return { valid: check.violations.length === 0, requests };
}

/**
 * The batch's one transaction. Its statements are SQL (`SqlTx`), sent straight to the driver on
 * PostgreSQL (lib/db `sqlTransaction`): through Prisma, its engine handled the inserts' JSON
 * parameters (1.4 MB for 100 × 10 with their mails) value by value and compiled each query shape
 * on first use, ~60 ms of a warm batch's CPU and ~200 ms of the first one's. A template is read
 * with Prisma's models, so a batch with one runs in Prisma's transaction (the same SQL).
 */
function inBatchTransaction<T>(template: WorkspaceRef | undefined, fn: (tx: SqlTx, blueprint: WorkspaceBlueprint | undefined) => Promise<T>): Promise<T> {
  if (!template) return sqlTransaction((tx) => fn(tx, undefined), { timeout: BATCH_TIMEOUT_MS });
  return db().then((prisma) =>
    prisma.$transaction(async (tx: Tx) => fn(tx, await loadWorkspaceBlueprint(tx, template, { members: false })), { timeout: BATCH_TIMEOUT_MS }),
  );
}

/**
 * POST …/workspaces:batchCreate — the generic seed's bulk provisioning, all or nothing in one
 * transaction. Members who are organization members join with the given roles; everyone else
 * gets an invitation. A `template_workspace_id` fills unset fields from that workspace, which the
 * caller must be allowed to copy (clone:Workspace on it). With `validate_only` (AIP-163) the same
 * checks run and the answer gives each request's verdict; nothing is written, not even an audit
 * entry. A refusal of the whole request (permission, template not found) is the same error either way.
 */
export async function batchCreateWorkspaces(ctx: RequestContext, access: OrgAccess, input: BatchCreateWorkspacesInput): Promise<BatchCreateWorkspacesOutput> {
  const organizationId = access.organizationId;
  const template = input.template_workspace_id
    ? await authorize(ctx, "clone:Workspace", { organizationId, workspaceId: input.template_workspace_id })
    : undefined;

  if (input.validate_only) {
    const check = await inBatchTransaction(template, (tx, blueprint) => checkBatch(tx, organizationId, input, blueprint));
    return { workspaces: [], validation: verdictOf(input, check) };
  }

  try {
    const rows = await inBatchTransaction(template, async (tx, blueprint) => {
      const [organization] = await tx.$queryRawUnsafe<{ title: string }[]>(`SELECT title FROM organizations WHERE id = $1`, organizationId);
      if (!organization) throw new ApiError("NOT_FOUND", "The resource was not found.", { reason: "NOT_FOUND" });
      const check = await checkBatch(tx, organizationId, input, blueprint);
      if (check.violations.length) throw check.violations[0].error;

      const created = await insertWorkspaces(tx, ctx, organizationId, check.rows.map((plan) => ({ ...plan.seed, members: plan.members })));
      const invites = check.rows.flatMap((plan, i) =>
        plan.invites.map((inv) => ({ ...inv, organizationId, workspaceId: created[i].id, organizationTitle: organization.title, workspaceTitle: plan.seed.title })),
      );
      // Answered in the order asked: the k-th invitation is invites[k]'s.
      const invitations = (await insertInvitations(tx, ctx, invites)).map((inv, k) => ({ ...inv, workspaceId: invites[k].workspaceId }));
      const invitationsOf = new Map<string, { invitation_id: string; email: string }[]>();
      for (const inv of invitations) {
        const list = invitationsOf.get(inv.workspaceId) ?? [];
        list.push({ invitation_id: inv.id, email: inv.email });
        invitationsOf.set(inv.workspaceId, list);
      }
      await writeAuditEntries(
        tx,
        ctx,
        check.rows.map((plan, i) => {
          const row = created[i];
          return {
            organizationId,
            workspaceId: row.id,
            action: "workspace.batch_create",
            resource: workspaceName(organizationId, row.id),
            changes: {
              after: toWorkspaceOutput(row),
              ...(template ? { template: workspaceName(organizationId, template.workspaceId) } : {}),
              members: plan.members.map((m) => ({ user_id: m.userId, roles: m.roles })),
              invitations: invitationsOf.get(row.id) ?? [],
            },
          };
        }),
      );
      return created;
    });
    return { workspaces: rows.map(toWorkspaceOutput) };
  } catch (error) {
    // A concurrent create took a title between the check above and the insert (one statement
    // inserts them all): name the first request whose title is taken now.
    if (isUniqueViolation(error)) {
      const prisma = await db();
      const taken = await prisma.workspace.findMany({
        where: { organizationId, activeTitleKey: { in: input.requests.map((r) => r.workspace.title.toLowerCase()) } },
        select: { activeTitleKey: true },
      });
      const keys = new Set(taken.map((w) => w.activeTitleKey));
      const index = Math.max(0, input.requests.findIndex((r) => keys.has(r.workspace.title.toLowerCase())));
      throw titleTaken(input.requests[index].workspace.title, titleField(index));
    }
    throw error;
  }
}
