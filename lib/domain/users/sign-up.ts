import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { db } from "../../db";
import { ApiError } from "../../api/errors";
import { parseWith } from "../../api/http";
import { limitSignUp } from "../../api/rate-limit";
import { authorize } from "../../auth/authorize";
import type { RequestContext } from "../../auth/context";
import { hashPassword } from "../../auth/password";
import { newId } from "../../ids";
import { OrganizationCreateInput } from "../../schemas/organizations";
import { text } from "../../schemas/text";
import { WorkspaceCreateInput } from "../../schemas/workspaces";
import { writeAuditEntry } from "../audit/write-audit-entry";
import { insertOrganization } from "../organizations/create-organization";
import { createWorkspace } from "../workspaces/create-workspace";
import { UserCreateInput } from "./create-user";

export const SignUpInput = UserCreateInput.extend({
  invitationToken: text("invitationToken").trim().max(512).optional(),
});
export type SignUpInput = z.input<typeof SignUpInput>;

export interface SignUpResult {
  user: { id: string; email: string; displayName: string };
  /** The sign-up's own organization and first workspace; null when it came through an invitation. */
  organizationId: string | null;
  workspaceId: string | null;
}

export const FIRST_WORKSPACE_TITLE = "My Workspace";

function organizationTitle(displayName: string): string {
  return [...`${displayName}'s Organization`].slice(0, 256).join("");
}

/**
 * Creates an account. A sign-up of its own gets an organization it owns and a first workspace
 * it administers; one that arrives with an invitation token only gets the account, and joins
 * the inviting organization when it accepts.
 */
export async function signUp(raw: SignUpInput, meta: { requestId?: string; ip?: string; userAgent?: string } = {}): Promise<SignUpResult> {
  // Only a visitor's sign-up carries an IP (the console action always passes one); the CLI and
  // seed create users through createUser.
  if (meta.ip !== undefined) await limitSignUp(meta.ip);
  const { invitationToken, ...input } = parseWith(SignUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  const withOrganization = !invitationToken;
  let created: { user: SignUpResult["user"]; organizationId: string | null };
  try {
    created = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { id: newId("usr"), email: input.email, displayName: input.display_name, passwordHash },
        select: { id: true, email: true, displayName: true },
      });
      if (!withOrganization) return { user, organizationId: null };
      const org = await insertOrganization(tx, user.id, parseWith(OrganizationCreateInput, { title: organizationTitle(user.displayName) }));
      await tx.user.update({ where: { id: user.id }, data: { lastOrgId: org.id } });
      await writeAuditEntry(tx, contextOf(user, meta), {
        organizationId: org.id,
        action: "organization.create",
        resource: `organizations/${org.id}`,
        changes: { after: { title: org.title }, via: "sign-up" },
      });
      return { user, organizationId: org.id };
    });
  } catch (error) {
    const e = error as { code?: string; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
    if (e?.code === "P2002" || e?.meta?.driverAdapterError?.cause?.originalCode === "23505") {
      throw new ApiError("ALREADY_EXISTS", `A user with email ${input.email} already exists.`, { reason: "USER_EXISTS" });
    }
    throw error;
  }
  if (!created.organizationId) return { ...created, workspaceId: null };

  // The first workspace goes through the same path as any other (authorize, then create), so it
  // gets the organization's defaults and its audit entry like the rest.
  const ctx = contextOf(created.user, meta);
  const access = await authorize(ctx, "create:Workspace", { organizationId: created.organizationId });
  const ws = await createWorkspace(ctx, access, parseWith(WorkspaceCreateInput, { title: FIRST_WORKSPACE_TITLE }));
  return { ...created, workspaceId: ws.workspace_id };
}

function contextOf(user: SignUpResult["user"], meta: { requestId?: string; ip?: string; userAgent?: string }): RequestContext {
  return {
    caller: { userId: user.id, email: user.email, displayName: user.displayName },
    requestId: meta.requestId ?? `signup_${randomUUID().replaceAll("-", "")}`,
    ip: meta.ip ?? "",
    userAgent: meta.userAgent ?? "",
  };
}
