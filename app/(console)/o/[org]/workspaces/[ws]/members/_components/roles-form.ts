// The roles field that Change roles (one member) and Change roles of several members share: a
// react-hook-form checked with the API's MemberRolesUpdateInput, and where a refusal's
// violations of `roles` go. Client-safe.

import { bodyResolver } from "@/lib/console/form-errors";
import { MemberRolesUpdateInput } from "@/lib/schemas/members";

export interface RolesValues {
  roles: string[];
}

export const rolesPlacement = {
  fieldOf: (path: string) => (path === "roles" || path.startsWith("roles.") || path.startsWith("roles[") ? ("roles" as const) : undefined),
  labels: { roles: "Roles" },
};

function rolesResolverFor(who: "member" | "members") {
  return bodyResolver<RolesValues>(MemberRolesUpdateInput, {
    toBody: (v) => v,
    ...rolesPlacement,
    // No role at all is said as the form means it, before the schema's wording.
    check: (v) => ({ roles: v.roles.length ? undefined : `Choose at least one role. To take all access away, remove the ${who} instead.` }),
  });
}

const resolvers = { member: rolesResolverFor("member"), members: rolesResolverFor("members") };

/** The resolver for one member's roles, or several members' at once (the hint for no role differs). */
export function rolesResolver(who: "member" | "members") {
  return resolvers[who];
}
