import "server-only";
import { db } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { filterOn } from "../../api/filter";
import { planList, type ListParams, type ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";
import { withoutLinks } from "./without-links";
import { MAIL_STATUSES, type ListOutboxMailsOutput } from "../../schemas/mail";

const spec: ListSpec<Prisma.OutboxMailWhereInput> = {
  filter: {
    status: filterOn.enumeration("status", MAIL_STATUSES),
    kind: filterOn.text("kind"),
    to: filterOn.text("to"),
    create_time: filterOn.timestamp("createdAt"),
  },
  order: { create_time: { path: "createdAt", kind: "date" } },
  defaultOrder: "create_time desc",
  idPath: "id",
};

/** The organization's mails (invitations); account mail belongs to no organization and is not listed. */
export async function listOutboxMails(ctx: RequestContext, access: OrgAccess, params: ListParams): Promise<ListOutboxMailsOutput> {
  const plan = planList(spec, params, [`organizations/${access.organizationId}/mails`, ctx.caller.userId]);
  const base: Prisma.OutboxMailWhereInput = { AND: [{ organizationId: access.organizationId }, ...(plan.filter ? [plan.filter] : [])] };
  const prisma = await db();
  const rows = await prisma.outboxMail.findMany({
    where: plan.cursor ? { AND: [base, plan.cursor] } : base,
    orderBy: plan.orderBy as Prisma.OutboxMailOrderByWithRelationInput[],
    take: plan.pageSize + 1,
  });
  const page = plan.page(rows);
  return {
    mails: page.items.map((m) => ({
      mail_id: m.id,
      kind: m.kind,
      to: m.to,
      subject: m.subject,
      status: m.status,
      attempts: m.attempts,
      last_error: m.lastError,
      create_time: m.createdAt.toISOString(),
      next_attempt_time: m.nextAttemptTime.toISOString(),
      sent_time: m.sentAt ? m.sentAt.toISOString() : null,
      // The link is the invitee's alone: with it, whoever reads the outbox could sign up as the
      // invited address, already verified.
      text: withoutLinks(m.text, "link sent only to the recipient"),
      html: withoutLinks(m.html, "link sent only to the recipient"),
    })),
    next_page_token: page.nextPageToken,
  };
}
