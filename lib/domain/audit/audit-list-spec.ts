// What an audit list may filter on. `action`, `actor_email` and `resource` compare exactly with
// `=` (so the (organization, action, time) index serves the Activity filter) and contain with `:`.

import type { FilterField } from "../../api/filter";
import { filterOn } from "../../api/filter";
import type { ListSpec } from "../../api/list";
import type { Prisma } from "../../generated/prisma/client";

type Where = Prisma.AuditLogEntryWhereInput;

function exactOrContains(column: "action" | "actorEmail" | "resource" | "actorId", lower: boolean): FilterField<Where> {
  return {
    ops: ["=", "!=", ":"],
    where: (op, raw) => {
      const value = lower ? raw.toLowerCase() : raw;
      if (op === ":") return { [column]: { contains: raw, mode: "insensitive" } } as Where;
      return (op === "!=" ? { NOT: { [column]: value } } : { [column]: value }) as Where;
    },
  };
}

export const auditListSpec: ListSpec<Where> = {
  filter: {
    action: exactOrContains("action", true),
    actor_email: exactOrContains("actorEmail", true),
    actor_id: exactOrContains("actorId", false),
    resource: exactOrContains("resource", false),
    workspace_id: {
      ops: ["=", "!="],
      where: (op, value) => (op === "!=" ? { NOT: { workspaceId: value } } : { workspaceId: value }),
    },
    create_time: filterOn.timestamp<Where>("createdAt"),
  },
  order: { create_time: { path: "createdAt", kind: "date" } },
  defaultOrder: "create_time desc",
  idPath: "id",
};
