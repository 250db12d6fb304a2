// Reads links out of the outbox, the way a recipient would out of their mailbox.

import { db } from "../db";

/** The token of the newest mail to `to` whose link goes to `/{path}/…`. */
export async function tokenFromOutbox(to: string, path: "invite" | "verify-email" | "reset-password"): Promise<string> {
  const prisma = await db();
  const mail = await prisma.outboxMail.findFirstOrThrow({ where: { to, text: { contains: `/${path}/` } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return tokenFromText(mail.text, path);
}

export function tokenFromText(text: string, path: string): string {
  const m = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(text);
  if (!m) throw new Error(`no /${path}/ link in the mail`);
  return m[1];
}
