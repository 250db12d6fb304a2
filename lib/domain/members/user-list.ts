// The user lists of API.md §2 and §4 (ListOrganizationUsers, ListWorkspaceUsers) share one query
// shape: a source of rows (user, times, workspace roles, organization roles), the AIP-160 filter
// (`role`, `role_scope`, `search`), AIP-132 order and a signed keyset cursor, compiled into one
// SQL statement whose values are all bound parameters.

import "server-only";
import { canonicalFilter, compileFilter, parseFilter, type FilterFields, type FilterNode } from "../../api/filter";
import { keysetPredicate, planKeyset, type ListParams, type ListSpec } from "../../api/list";
import { likeContains, sqlKeyset, sqlOf, type SqlWhere } from "../../api/sql-where";
import { BUILT_IN_ORGANIZATION_ROLES } from "../../auth/permissions";
import { Prisma } from "../../generated/prisma/client";
import type { UserWithRolesOutput } from "../../schemas/members";
import { PLAN_PER_EXECUTION, type Db } from "../../prisma-client";

const { sql, join, raw, empty } = Prisma;

export { likeContains };

const isOrganizationRole = (id: string) => BUILT_IN_ORGANIZATION_ROLES.some((r) => r.id === id);
type Sql = Prisma.Sql;

/** One row of a user list, as every source must select it (column names included). */
export interface UserListRow {
  user_id: string;
  display_name: string;
  email: string;
  create_time: Date;
  update_time: Date;
  /** When the user was last active anywhere (lib/domain/users/note-activity.ts); null: not seen. */
  last_active_time: Date | null;
  ws_roles: string[];
  org_roles: string[];
}

function usesField(node: FilterNode | undefined, field: string): boolean {
  if (!node) return false;
  if (node.type === "cmp") return node.field === field;
  if (node.type === "not") return usesField(node.child, field);
  return node.children.some((c) => usesField(c, field));
}

function collectRoleValues(node: FilterNode | undefined, out: Set<string>): Set<string> {
  if (!node) return out;
  if (node.type === "cmp") {
    if (node.field === "role") out.add(node.value);
  } else if (node.type === "not") {
    collectRoleValues(node.child, out);
  } else {
    node.children.forEach((c) => collectRoleValues(c, out));
  }
  return out;
}

/**
 * Resolves the values of `role = "…"` comparisons to role ids (a value may name a role by id or
 * by title, case-insensitively). Values naming no role resolve to no ids.
 */
export type RoleResolver = (values: string[]) => Promise<Map<string, string[]>>;

function filterFields(roleIds: Map<string, string[]>): FilterFields<SqlWhere> {
  return {
    role: {
      ops: ["=", "!="],
      where: (op, value) => {
        const ids = roleIds.get(value) ?? [];
        // Each id is matched only against the column of its scope, so a workspace role's
        // filter stays on workspace_members.roles, where its GIN index can serve it.
        const orgIds = ids.filter(isOrganizationRole);
        const wsIds = ids.filter((id) => !isOrganizationRole(id));
        const parts = [
          ...(wsIds.length ? [sql`t.ws_roles && ${wsIds}::text[]`] : []),
          ...(orgIds.length ? [sql`t.org_roles && ${orgIds}::text[]`] : []),
        ];
        const match = parts.length ? sql`(${join(parts, " OR ")})` : sql`FALSE`;
        return { sql: op === "!=" ? sql`(NOT ${match})` : match };
      },
    },
    role_scope: {
      ops: ["=", "!="],
      where: (op, value, reject) => {
        const v = value.toLowerCase().replace(/^role_scope_/, "");
        if (v !== "workspace" && v !== "organization") reject(`'${value}' is not 'workspace' or 'organization'`);
        const match = v === "workspace" ? sql`cardinality(t.ws_roles) > 0` : sql`cardinality(t.org_roles) > 0`;
        return { sql: op === "!=" ? sql`(NOT ${match})` : match };
      },
    },
    search: {
      ops: [":"],
      where: (_op, value) => {
        const pattern = likeContains(value);
        return { sql: sql`(t.display_name ILIKE ${pattern} OR t.email ILIKE ${pattern})` };
      },
    },
  };
}

const ORDER_COLUMNS: Record<string, { column: string; kind: "string" | "date" }> = {
  display_name: { column: "display_name", kind: "string" },
  email: { column: "email", kind: "string" },
  created_time: { column: "create_time", kind: "date" },
  updated_time: { column: "update_time", kind: "date" },
};

/** Orders read from the users' rows rather than the memberships'. */
const BY_USER_COLUMN = new Set(["display_name", "email"]);

const orderSpec: ListSpec<unknown> = {
  filter: {},
  order: Object.fromEntries(Object.entries(ORDER_COLUMNS).map(([name, o]) => [name, { path: o.column, kind: o.kind }])),
  defaultOrder: "created_time desc",
  idPath: "user_id",
};

export interface UserListPlan {
  pageSize: number;
  /** The complete statement: source, filter, cursor, order, limit (pageSize + 1). */
  query: Sql;
  /** How many rows match the filter, over every page (one `total` column). */
  countQuery: Sql;
  page(rows: UserListRow[]): { items: UserListRow[]; nextPageToken: string };
}

/** The branches as one relation (for lookups of a single user). */
export function unionOf(branches: readonly Sql[]): Sql {
  return join(branches, " UNION ALL ");
}

/**
 * Plans one page over `branches` (SELECTs yielding UserListRow's columns, with no row in two of
 * them). `scope` names what the page token is bound to besides filter and order: the parent
 * resource and the caller.
 *
 * Filter, cursor, order and limit are applied inside every branch, and the branches' top rows
 * merged after: a branch flattened into its base tables can then walk a matching index in
 * order and stop after a page (members by create_time), which a filter over the union cannot.
 * `countBranches`, when given, are the same rows without names and emails: the total is counted
 * over them unless the filter searches names or emails.
 */
export async function planUserList(
  branches: readonly Sql[],
  params: ListParams,
  scope: readonly string[],
  resolveRoles: RoleResolver,
  countBranches: readonly Sql[] = branches,
): Promise<UserListPlan> {
  const ast = parseFilter(params.filter);
  const roleValues = [...collectRoleValues(ast, new Set())];
  const roleIds = roleValues.length ? await resolveRoles(roleValues) : new Map<string, string[]>();
  const compiled = compileFilter(ast, filterFields(roleIds));
  const keyset = planKeyset(orderSpec, params, scope, canonicalFilter(ast));
  const { pageSize, terms } = keyset;

  const conditions: Sql[] = [];
  if (compiled) conditions.push(sqlOf(compiled));
  const filtered = compiled ? sql`WHERE ${sqlOf(compiled)}` : empty;
  const counted = usesField(ast, "search") ? branches : countBranches;
  // A filtered list is planned for its values each time (see PLAN_PER_EXECUTION).
  const head = compiled ? raw(PLAN_PER_EXECUTION) : empty;
  // So is a page in the order of a user column (name, email): its best plan depends on the
  // parent's size (walk the users' index for 100,000 members, sort a handful), which a generic
  // plan cannot see. After five executions on a connection PostgreSQL took the generic plan,
  // sized for the average workspace (6 members), which joined and sorted all 100,000 members of
  // the bench's workspace: 300–1,400 ms instead of under 1 ms, on every later request there.
  const pageHead = compiled || BY_USER_COLUMN.has(terms[0].name) ? raw(PLAN_PER_EXECUTION) : empty;
  const countQuery = sql`${head}SELECT (${join(
    counted.map((b) => sql`(SELECT count(*) FROM (${b}) AS t ${filtered})`),
    " + ",
  )})::int AS total`;
  if (keyset.after) conditions.push(keysetPredicate(terms, keyset.after, sqlKeyset("t")));
  const where = conditions.length ? sql`WHERE ${join(conditions, " AND ")}` : empty;
  const orderBy = join(terms.map((t) => raw(`t.${t.path} ${t.desc ? "DESC" : "ASC"}`)), ", ");
  const limit = pageSize + 1;
  const columns = raw("t.user_id, t.display_name, t.email, t.create_time, t.update_time, t.last_active_time, t.ws_roles, t.org_roles");
  const page = (branch: Sql) => sql`SELECT ${columns} FROM (${branch}) AS t ${where} ORDER BY ${orderBy} LIMIT ${limit}`;
  const query =
    branches.length === 1
      ? sql`${pageHead}${page(branches[0])}`
      : sql`${pageHead}SELECT ${columns} FROM (${join(branches.map((b) => sql`(${page(b)})`), " UNION ALL ")}) AS t ORDER BY ${orderBy} LIMIT ${limit}`;

  return {
    pageSize,
    query,
    countQuery,
    page: (rows: UserListRow[]) => keyset.page(rows, (row, term) => (row as unknown as Record<string, unknown>)[term.path]),
  };
}

/** Runs a planned member list: the page, and the total for its filter, with each row's access time. */
export async function runUserList(prisma: Db, organizationId: string, plan: UserListPlan) {
  const [rows, count] = await Promise.all([
    prisma.$queryRaw<UserListRow[]>(plan.query),
    prisma.$queryRaw<{ total: number }[]>(plan.countQuery),
  ]);
  const page = plan.page(rows);
  return {
    users: page.items.map((r) => ({
      ...toUserWithRoles(organizationId, r),
      create_time: r.create_time.toISOString(),
      last_active_time: r.last_active_time?.toISOString() ?? null,
    })),
    next_page_token: page.nextPageToken,
    total_size: Number(count[0]?.total ?? 0),
  };
}

export const userName = (organizationId: string, userId: string) => `organizations/${organizationId}/users/${userId}`;

/** v1UserWithRoles: workspace roles first, then the organization roles that reach the workspace. */
export function toUserWithRoles(organizationId: string, row: Pick<UserListRow, "user_id" | "display_name" | "email" | "ws_roles" | "org_roles">): UserWithRolesOutput {
  return {
    user: { name: userName(organizationId, row.user_id), display_name: row.display_name, email: row.email },
    roles: [
      ...row.ws_roles.map((name) => ({ name, role_scope: "ROLE_SCOPE_WORKSPACE" as const })),
      ...row.org_roles.map((name) => ({ name, role_scope: "ROLE_SCOPE_ORGANIZATION" as const })),
    ],
  };
}
