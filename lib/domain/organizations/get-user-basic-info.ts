import "server-only";
import { db } from "../../db";
import type { OrgAccess } from "../../auth/authorize";
import { looksLikeId } from "../../ids";
import type { UserBasicInfoOutput } from "../../schemas/members";
import { userName } from "../members/user-list";
import { organizationUserNotFound } from "./organization-user";

/** Kognitos GetUserBasicInfo: only members of this organization are found; anyone else is NOT_FOUND. */
export async function getUserBasicInfo(access: OrgAccess, userId: string): Promise<UserBasicInfoOutput> {
  if (!looksLikeId(userId, "usr")) throw organizationUserNotFound(access.organizationId, userId);
  const prisma = await db();
  const member = await prisma.organizationMember.findUnique({
    where: { organizationId_userId: { organizationId: access.organizationId, userId } },
    select: { user: { select: { displayName: true, email: true } } },
  });
  if (!member) throw organizationUserNotFound(access.organizationId, userId);
  return { name: userName(access.organizationId, userId), display_name: member.user.displayName, email: member.user.email };
}
