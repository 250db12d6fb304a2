// The console's caller, from the next-auth session in server components and server actions.

import "server-only";
import { randomUUID } from "node:crypto";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { clientIp } from "../api/client-address";
import { db } from "../db";
import { noteActivity } from "../domain/users/note-activity";
import type { RequestContext } from "./context";
import { authOptions } from "./next-auth";
import { sessionEnded } from "./ended-sessions";
import { sessionIsCurrent } from "./session-version";

/** The signed-in user's context, or undefined when nobody is signed in (or the user is gone). */
export async function consoleContext(): Promise<RequestContext | undefined> {
  const session = await getServerSession(authOptions);
  const sessionUser = session?.user as { id?: string; credentialVersion?: number; sid?: unknown } | undefined;
  const userId = sessionUser?.id;
  if (!userId) return undefined;
  const prisma = await db();
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { id: true, email: true, displayName: true, credentialVersion: true } });
  if (!user || !sessionIsCurrent(sessionUser?.credentialVersion, user.credentialVersion)) return undefined;
  if (await sessionEnded(sessionUser?.sid)) return undefined;
  void noteActivity(user.id);
  const h = await headers();
  return {
    caller: { userId: user.id, email: user.email, displayName: user.displayName },
    requestId: `req_${randomUUID().replaceAll("-", "")}`,
    ip: clientIp(h),
    userAgent: (h.get("user-agent") ?? "").slice(0, 512),
  };
}
