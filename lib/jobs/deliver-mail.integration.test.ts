// Delivery through a real SMTP server started here: the received invitation's link accepts it;
// a refusing server is retried with backoff and then the mail is FAILED with the error; two
// workers (two database clients) over one outbox send each mail exactly once.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { startTestSmtp, type TestSmtp } from "@/lib/testing/smtp";
import { tokenFromText } from "@/lib/testing/mail";
import { authorize } from "@/lib/auth/authorize";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/prisma-client";
import { InvitationCreateInput } from "@/lib/schemas/invitations";
import { createInvitations } from "@/lib/domain/invitations/create-invitations";
import { acceptInvitation } from "@/lib/domain/invitations/accept-invitation";
import { enqueueMails } from "@/lib/domain/mail/enqueue-mail";
import { resendInvitation } from "@/lib/domain/invitations/resend-invitation";
import { revokeInvitation } from "@/lib/domain/invitations/revoke-invitation";
import { randomBase62 } from "@/lib/ids";
import { executeOperation } from "@/lib/operations/execute";
import { DeleteOrganization, UndeleteOrganization } from "@/lib/operations/organizations";
import { DeleteWorkspace, UndeleteWorkspace } from "@/lib/operations/workspaces";
import { claimDueMails, deliverDueMails, noteUndeliveredMails } from "./deliver-mail";
import { smtpMailer } from "./smtp-mailer";

let admin: TestUser;
let orgId: string;
let wsId: string;
let smtp: TestSmtp;

beforeAll(async () => {
  admin = await makeUser("Mailing Admin");
  orgId = (await makeOrg(admin, "Mail Org")).organization_id;
  wsId = (await makeWorkspace(admin, orgId, { title: "Mail Target" })).workspace_id;
  smtp = await startTestSmtp();
});

afterAll(async () => {
  await smtp?.close();
});

async function queue(count: number, tag: string): Promise<string[]> {
  const prisma = await db();
  return prisma.$transaction((tx) =>
    enqueueMails(
      tx,
      Array.from({ length: count }, (_, i) => ({ kind: "invitation" as const, to: `${tag}${i}@example.test`, subject: `${tag} ${i}`, text: `hello ${i}`, html: "" })),
      orgId,
    ),
  );
}

describe("delivery over SMTP", () => {
  it("delivers the invitation; the link in the received message accepts it; the stored copy loses the link", async () => {
    const invitee = await makeUser("Smtp Sam");
    const access = await authorize(admin.ctx, "create:Invitation", { organizationId: orgId, workspaceId: wsId });
    const inv = (await createInvitations(admin.ctx, access, InvitationCreateInput.parse({ emails: [invitee.email], roles: ["workspace-editor"] }))).invitations[0];
    const mailer = smtpMailer(smtp.url, "Workspace Admin <no-reply@example.test>");
    try {
      const report = await deliverDueMails(await db(), mailer);
      expect(report).toEqual({ sent: 1, retrying: 0, failed: 0 });
    } finally {
      mailer.close();
    }
    const got = smtp.received.filter((m) => m.to.includes(invitee.email));
    expect(got).toHaveLength(1);
    expect(got[0].body).toContain("Mail Target");
    expect(got[0].body).toContain("Mailing Admin");
    expect(got[0].body).toContain("Workspace Editor");
    expect(got[0].raw).toMatch(/Content-Type: text\/html/i);
    const token = tokenFromText(got[0].body, "invite");
    const accepted = await acceptInvitation(invitee.ctx, { token });
    expect(accepted.invitation.invitation_id).toBe(inv.invitation_id);
    const prisma = await db();
    expect(await prisma.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: wsId, userId: invitee.id } }, select: { roles: true } })).toEqual({
      roles: ["workspace-editor"],
    });
    const stored = await prisma.outboxMail.findFirstOrThrow({ where: { to: invitee.email } });
    expect(stored).toMatchObject({ status: "SENT", attempts: 1, lastError: "" });
    expect(stored.sentAt).toBeInstanceOf(Date);
    expect(stored.text).not.toContain(token);
    expect(stored.html).not.toContain(token);
  });

  it("retries a refusing server with backoff, then marks the mail FAILED with the server's answer", async () => {
    const failing = await startTestSmtp({ rejectWith: { code: 550, message: "mailbox unavailable" } });
    const mailer = smtpMailer(failing.url, "no-reply@example.test");
    const prisma = await db();
    try {
      const [id] = await queue(1, "bounce");
      expect(await deliverDueMails(prisma, mailer, { backoffMs: 60_000, maxAttempts: 3 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      let row = await prisma.outboxMail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
      expect(row.lastError).toContain("550");
      expect(row.nextAttemptTime.getTime()).toBeGreaterThan(Date.now() + 50_000);
      // Not due yet: the next run leaves it alone.
      expect(await deliverDueMails(prisma, mailer, { backoffMs: 60_000, maxAttempts: 3 })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      for (const expected of [{ retrying: 1, failed: 0 }, { retrying: 0, failed: 1 }]) {
        await prisma.outboxMail.update({ where: { id }, data: { nextAttemptTime: new Date() } });
        expect(await deliverDueMails(prisma, mailer, { backoffMs: 60_000, maxAttempts: 3 })).toEqual({ sent: 0, ...expected });
      }
      row = await prisma.outboxMail.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: "FAILED", attempts: 3 });
      expect(row.lastError).toContain("mailbox unavailable");
      await prisma.outboxMail.update({ where: { id }, data: { nextAttemptTime: new Date() } });
      expect((await claimDueMails(prisma)).map((m) => m.id)).not.toContain(id);
    } finally {
      mailer.close();
      await failing.close();
    }
  });

  it("records an unreachable server as a retry, not a crash", async () => {
    const prisma = await db();
    const [id] = await queue(1, "unreachable");
    const mailer = smtpMailer("smtp://127.0.0.1:1", "no-reply@example.test");
    try {
      expect(await deliverDueMails(prisma, mailer, { backoffMs: 1000 })).toEqual({ sent: 0, retrying: 1, failed: 0 });
    } finally {
      mailer.close();
    }
    expect((await prisma.outboxMail.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/ECONNREFUSED|connect/i);
    await prisma.outboxMail.update({ where: { id }, data: { status: "FAILED" } });
  });

  it("two workers over one outbox send each mail exactly once", async () => {
    const slow = await startTestSmtp({ delayMs: 15 });
    const ids = await queue(40, "race");
    const clients = await Promise.all([createPrismaClient(process.env.DATABASE_URL), createPrismaClient(process.env.DATABASE_URL)]);
    const mailers = [smtpMailer(slow.url, "no-reply@example.test"), smtpMailer(slow.url, "no-reply@example.test")];
    try {
      const worker = async (i: number) => {
        let sent = 0;
        for (;;) {
          const r = await deliverDueMails(clients[i].prisma, mailers[i], { batchSize: 3 });
          if (r.sent + r.retrying + r.failed === 0) return sent;
          sent += r.sent;
        }
      };
      const [a, b] = await Promise.all([worker(0), worker(1)]);
      expect(a + b).toBe(40);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      const messageIds = slow.received.map((m) => m.messageId);
      expect(new Set(messageIds).size).toBe(40);
      expect(messageIds.sort()).toEqual(ids.map((id) => `<${id}@workspace-admin>`).sort());
      const prisma = await db();
      expect(await prisma.outboxMail.count({ where: { id: { in: ids }, status: "SENT", attempts: 1 } })).toBe(40);
    } finally {
      mailers.forEach((m) => m.close());
      await Promise.all(clients.map((c) => c.close()));
      await slow.close();
    }
  });
});

describe("a deleted organization's mail", () => {
  it("is cancelled with the reason and never sent, also when queued by a racing change or after a restore; resent invitations go again", async () => {
    const owner = await makeUser("Deleting Dora");
    const doomedOrg = (await makeOrg(owner, "Doomed Mail Org")).organization_id;
    const doomedWs = (await makeWorkspace(owner, doomedOrg, { title: "Doomed WS" })).workspace_id;
    const access = await authorize(owner.ctx, "create:Invitation", { organizationId: doomedOrg, workspaceId: doomedWs });
    const tag = randomBase62(6).toLowerCase();
    const [kept, revoked] = [`kept.${tag}@example.test`, `revoked.${tag}@example.test`];
    const invs = (await createInvitations(owner.ctx, access, InvitationCreateInput.parse({ emails: [kept, revoked], roles: ["workspace-viewer"] }))).invitations;
    const prisma = await db();
    const queued = await prisma.outboxMail.findMany({ where: { to: { in: [kept, revoked] } }, select: { id: true, text: true } });
    expect(queued).toHaveLength(2);
    const token = tokenFromText(queued[0].text, "invite");
    const orgParams = { params: { organization_id: doomedOrg }, query: {}, body: undefined };

    await executeOperation(DeleteOrganization, owner.ctx, orgParams);
    const cancelled = await prisma.outboxMail.findMany({ where: { to: { in: [kept, revoked] } } });
    expect(cancelled.map((m) => [m.status, m.lastError])).toEqual([
      ["CANCELLED", "not sent: the organization was deleted"],
      ["CANCELLED", "not sent: the organization was deleted"],
    ]);
    // Never to be sent, so the stored copies no longer hold the single-use links.
    expect(cancelled.every((m) => !m.text.includes(token) && !m.html.includes(token))).toBe(true);
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { organizationId: doomedOrg, action: "organization.delete" } });
    expect(audit.changes).toMatchObject({ cancelled_mails: 2 });

    // A mail queued by a change that raced the delete is caught by the worker, not sent.
    const [raced] = await prisma.$transaction((tx) =>
      enqueueMails(tx, [{ kind: "invitation" as const, to: `raced.${tag}@example.test`, subject: "raced", text: "late", html: "" }], doomedOrg),
    );
    const mailer = smtpMailer(smtp.url, "no-reply@example.test");
    try {
      await deliverDueMails(prisma, mailer);
      expect(smtp.received.filter((m) => m.to.some((to) => to.includes(tag)))).toEqual([]);
      expect(await prisma.outboxMail.findUniqueOrThrow({ where: { id: raced } })).toMatchObject({ status: "CANCELLED", attempts: 0 });

      // Restored: everything inside is back, its cancelled mail stays unsent.
      await executeOperation(UndeleteOrganization, owner.ctx, { ...orgParams, body: {} });
      const revokeAccess = await authorize(owner.ctx, "delete:Invitation", { organizationId: doomedOrg, workspaceId: doomedWs });
      await revokeInvitation(owner.ctx, revokeAccess, invs.find((i) => i.email === revoked)!.invitation_id);
      await deliverDueMails(prisma, mailer);
      expect(smtp.received.filter((m) => m.to.some((to) => to.includes(tag)))).toEqual([]);
      expect(await prisma.outboxMail.count({ where: { organizationId: doomedOrg, status: "CANCELLED" } })).toBe(3);

      // The still-pending invitation, resent, is delivered with its new link.
      await resendInvitation(owner.ctx, access, invs.find((i) => i.email === kept)!.invitation_id);
      expect(await deliverDueMails(prisma, mailer)).toMatchObject({ sent: 1 });
      const got = smtp.received.filter((m) => m.to.some((to) => to.includes(tag)));
      expect(got.map((m) => m.to)).toEqual([[kept]]);
      expect(tokenFromText(got[0].body, "invite")).not.toBe(token);
    } finally {
      mailer.close();
    }
  });
});

describe("a deleted workspace's invitation mail", () => {
  it("is cancelled with the reason and never sent, also when queued by a racing change; the organization's other mail still goes; after a restore a resend goes", async () => {
    const owner = await makeUser("Workspace Wanda");
    const org = (await makeOrg(owner, "Workspace Mail Org")).organization_id;
    const doomedWs = (await makeWorkspace(owner, org, { title: "Doomed Mail WS" })).workspace_id;
    const otherWs = (await makeWorkspace(owner, org, { title: "Surviving Mail WS" })).workspace_id;
    const tag = randomBase62(6).toLowerCase();
    const [doomed, other] = [`doomed.${tag}@example.test`, `other.${tag}@example.test`];
    const doomedAccess = await authorize(owner.ctx, "create:Invitation", { organizationId: org, workspaceId: doomedWs });
    const otherAccess = await authorize(owner.ctx, "create:Invitation", { organizationId: org, workspaceId: otherWs });
    const [inv] = (await createInvitations(owner.ctx, doomedAccess, InvitationCreateInput.parse({ emails: [doomed], roles: ["workspace-viewer"] }))).invitations;
    await createInvitations(owner.ctx, otherAccess, InvitationCreateInput.parse({ emails: [other], roles: ["workspace-viewer"] }));
    const prisma = await db();
    const queued = await prisma.outboxMail.findFirstOrThrow({ where: { to: doomed } });
    expect(queued).toMatchObject({ status: "QUEUED", organizationId: org, workspaceId: doomedWs });
    const token = tokenFromText(queued.text, "invite");
    const wsParams = { params: { organization_id: org, workspace_id: doomedWs }, query: {}, body: undefined };

    await executeOperation(DeleteWorkspace, owner.ctx, wsParams);
    const cancelled = await prisma.outboxMail.findUniqueOrThrow({ where: { id: queued.id } });
    expect([cancelled.status, cancelled.lastError]).toEqual(["CANCELLED", "not sent: the workspace was deleted"]);
    expect(cancelled.text.includes(token) || cancelled.html.includes(token)).toBe(false);
    const audit = await prisma.auditLogEntry.findFirstOrThrow({ where: { workspaceId: doomedWs, action: "workspace.delete" } });
    expect(audit.changes).toMatchObject({ cancelled_mails: 1 });

    // A mail queued for the workspace by a change that raced the delete is caught by the worker.
    const [raced] = await prisma.$transaction((tx) =>
      enqueueMails(tx, [{ kind: "invitation" as const, to: `raced.${tag}@example.test`, subject: "raced", text: "late", html: "", workspaceId: doomedWs }], org),
    );
    const mailer = smtpMailer(smtp.url, "no-reply@example.test");
    const receivedHere = () => smtp.received.filter((m) => m.to.some((to) => to.includes(tag))).map((m) => m.to);
    try {
      await deliverDueMails(prisma, mailer);
      expect(receivedHere()).toEqual([[other]]);
      expect(await prisma.outboxMail.findUniqueOrThrow({ where: { id: raced } })).toMatchObject({ status: "CANCELLED", attempts: 0, lastError: "not sent: the workspace was deleted" });

      // Restored: the cancelled mail stays unsent; the still-pending invitation, resent, goes with a new link.
      await executeOperation(UndeleteWorkspace, owner.ctx, { ...wsParams, body: {} });
      await deliverDueMails(prisma, mailer);
      expect(receivedHere()).toEqual([[other]]);
      await resendInvitation(owner.ctx, doomedAccess, inv.invitation_id);
      expect(await deliverDueMails(prisma, mailer)).toMatchObject({ sent: 1 });
      const got = smtp.received.filter((m) => m.to.some((to) => to === doomed));
      expect(got).toHaveLength(1);
      expect(tokenFromText(got[0].body, "invite")).not.toBe(token);
    } finally {
      mailer.close();
    }
  });
});

describe("without SMTP_URL", () => {
  it("keeps mails queued and notes each once in the log, without its body", async () => {
    const [id] = await queue(1, "nosmtp");
    const lines: string[] = [];
    const prisma = await db();
    expect(await noteUndeliveredMails(prisma, (l) => lines.push(l))).toBe(1);
    expect(await noteUndeliveredMails(prisma, (l) => lines.push(l))).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(id);
    expect(lines[0]).toContain("nosmtp0@example.test");
    expect(lines[0]).not.toContain("hello 0");
    expect(await prisma.outboxMail.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "QUEUED", attempts: 0 });
  });
});
