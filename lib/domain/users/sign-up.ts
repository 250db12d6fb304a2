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
import { acceptInvitation } from "../invitations/accept-invitation";
import { hashInvitationToken } from "../invitations/insert-invitation";
import { enqueueMail } from "../mail/enqueue-mail";
import { accountExistsMail, verificationMail } from "../mail/templates";
import { issueAccountToken } from "./account-tokens";
import { insertOrganization } from "../organizations/create-organization";
import { createWorkspace } from "../workspaces/create-workspace";
import { UserCreateInput } from "../../schemas/users";

export const SignUpInput = UserCreateInput.extend({
  invitationToken: text("invitationToken").trim().max(512).optional(),
});
export type SignUpInput = z.input<typeof SignUpInput>;

export interface SignUpResult {
  /** Null when the address already had an account: that address was mailed instead. */
  user: { id: string; email: string; displayName: string } | null;
  /**
   * Where the new account lands: its own organization and first workspace, or, through an
   * invitation, the inviting organization and workspace (null if the invitation could not be
   * accepted after all).
   */
  organizationId: string | null;
  workspaceId: string | null;
}

export const FIRST_WORKSPACE_TITLE = "My Workspace";

function organizationTitle(displayName: string): string {
  return [...`${displayName}'s Organization`].slice(0, 256).join("");
}

/**
 * Creates an account. A sign-up of its own gets an organization it owns and a first workspace
 * it administers, and a mail with a link that confirms its address. One that arrives with the
 * token of a pending invitation to the same address gets the account, already verified (the
 * token proves the address), and joins the inviting workspace.
 *
 * An address that already has an account gets a mail saying so, and the answer is the one a new
 * account gets minus the account: the page never tells whether an address is registered.
 */
export async function signUp(raw: SignUpInput, meta: { requestId?: string; ip?: string; userAgent?: string } = {}): Promise<SignUpResult> {
  // Only a visitor's sign-up carries an IP (the console action always passes one); the CLI and
  // seed create users through createUser.
  if (meta.ip !== undefined) await limitSignUp(meta.ip);
  const { invitationToken, ...input } = parseWith(SignUpInput, raw);
  const passwordHash = await hashPassword(input.password);
  const prisma = await db();
  const invited = invitationToken
    ? await prisma.invitation.findFirst({
        where: { tokenHash: hashInvitationToken(invitationToken), email: input.email, state: "PENDING", expireTime: { gt: new Date() } },
        select: { id: true },
      })
    : null;
  const withOrganization = !invited;
  let created: { user: NonNullable<SignUpResult["user"]>; organizationId: string | null };
  try {
    created = await prisma.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { id: newId("usr"), email: input.email, displayName: input.display_name, passwordHash, emailVerifiedAt: invited ? new Date() : null },
        select: { id: true, email: true, displayName: true },
      });
      if (!withOrganization) return { user, organizationId: null };
      const { token, expireTime } = await issueAccountToken(tx, user, "EMAIL_VERIFICATION");
      await enqueueMail(tx, verificationMail(user.email, user.displayName, token, expireTime));
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
      await prisma.$transaction((tx) => enqueueMail(tx, accountExistsMail(input.email)));
      return { user: null, organizationId: null, workspaceId: null };
    }
    throw error;
  }
  if (invited && invitationToken) {
    try {
      const joined = await acceptInvitation(contextOf(created.user, meta), { token: invitationToken });
      return { user: created.user, organizationId: joined.organization_id, workspaceId: joined.workspace_id || null };
    } catch (error) {
      // Revoked or resent in the meantime: the account stays, without an organization yet.
      if (error instanceof ApiError) return { user: created.user, organizationId: null, workspaceId: null };
      throw error;
    }
  }
  if (!created.organizationId) return { ...created, workspaceId: null };

  // The first workspace goes through the same path as any other (authorize, then create), so it
  // gets the organization's defaults and its audit entry like the rest.
  const ctx = contextOf(created.user, meta);
  const access = await authorize(ctx, "create:Workspace", { organizationId: created.organizationId });
  const ws = await createWorkspace(ctx, access, parseWith(WorkspaceCreateInput, { title: FIRST_WORKSPACE_TITLE }));
  return { ...created, workspaceId: ws.workspace_id };
}

function contextOf(user: NonNullable<SignUpResult["user"]>, meta: { requestId?: string; ip?: string; userAgent?: string }): RequestContext {
  return {
    caller: { userId: user.id, email: user.email, displayName: user.displayName },
    requestId: meta.requestId ?? `signup_${randomUUID().replaceAll("-", "")}`,
    ip: meta.ip ?? "",
    userAgent: meta.userAgent ?? "",
  };
}
