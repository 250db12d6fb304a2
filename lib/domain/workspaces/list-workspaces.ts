import "server-only";
import { db, queryRows } from "../../db";
import type { RequestContext } from "../../auth/context";
import type { OrgAccess } from "../../auth/authorize";
import { canonicalFilter, compileFilter, filterOn, parseFilter, type FilterField, type FilterFields } from "../../api/filter";
import { keysetPredicate, planKeyset, type ListParams, type ListSpec } from "../../api/list";
import { likeContains, sqlKeyset, sqlOf, type SqlWhere } from "../../api/sql-where";
import { EXACT_TOTAL_LIMIT, plannedRows, resolveTotal, totalSizeFields } from "../../api/total-size";
import { Prisma } from "../../generated/prisma/client";
import { WORKSPACE_STATES, type WorkspaceOutput } from "../../schemas/workspaces";
import { creatorOfColumns, workspaceOutputOf, workspaceSqlColumns, type WorkspaceColumns } from "./workspace-output";

const { sql, join, raw, empty } = Prisma;

// The filter fields compile to SQL on `w` (workspaces). Values are checked by the same rules as
// every list's (`filterOn`), then bound as parameters.
const column = (name: string) => raw(`w.${name}`);

function textField(name: string): FilterField<SqlWhere> {
  return {
    ops: ["=", "!=", ":"],
    where: (op, value) => {
      const match = op === ":" ? sql`${column(name)} ILIKE ${likeContains(value)}` : sql`lower(${column(name)}) = lower(${value})`;
      return op === "!=" ? { NOT: { sql: match } } : { sql: match };
    },
  };
}

function stateField(): FilterField<SqlWhere> {
  const check = filterOn.enumeration<Record<string, unknown>>("v", WORKSPACE_STATES);
  return {
    ops: check.ops,
    where: (op, value, reject) => {
      const v = (check.where(op, value, reject) as { v: unknown }).v;
      return op === "!=" ? { sql: sql`w.state::text <> ${(v as { not: string }).not}` } : { sql: sql`w.state::text = ${v as string}` };
    },
  };
}

const SQL_OPS = { equals: "=", not: "<>", lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;

function timeField(name: string): FilterField<SqlWhere> {
  const check = filterOn.timestamp<Record<string, Record<string, Date>>>("v");
  return {
    ops: check.ops,
    where: (op, value, reject) => {
      const [[prismaOp, date]] = Object.entries((check.where(op, value, reject) as Record<string, Record<string, Date>>).v);
      return { sql: sql`${column(name)} ${raw(SQL_OPS[prismaOp as keyof typeof SQL_OPS])} ${date.toISOString()}::timestamptz` };
    },
  };
}

const filterFields: FilterFields<SqlWhere> = {
  title: textField("title"),
  state: stateField(),
  create_time: timeField("create_time"),
  update_time: timeField("update_time"),
};

/** Order keys (paths are columns of `w`); page tokens name the keys, so they outlive the SQL. */
export const workspaceListSpec: Omit<ListSpec<unknown>, "filter"> = {
  order: {
    title: { path: "title", kind: "string" },
    create_time: { path: "create_time", kind: "date" },
    update_time: { path: "update_time", kind: "date" },
  },
  defaultOrder: "create_time desc",
  idPath: "id",
};

const ROW_KEY: Record<string, keyof ListedRow> = { title: "title", create_time: "createdAt", update_time: "updatedAt", id: "id" };

/** The workspaces of an organization the caller can see: all for an org admin, else their memberships. */
export function visibleWorkspaces(ctx: RequestContext, access: OrgAccess): Prisma.Sql[] {
  const scope = [sql`w.organization_id = ${access.organizationId}`];
  if (!access.isOrgAdmin) {
    scope.push(sql`EXISTS (SELECT 1 FROM workspace_members m WHERE m.workspace_id = w.id AND m.user_id = ${ctx.caller.userId})`);
  }
  const tokenScope = ctx.caller.token?.workspaceIds ?? [];
  if (tokenScope.length > 0) scope.push(sql`w.id = ANY(${tokenScope}::text[])`);
  return scope;
}

export interface ListWorkspacesOptions {
  /** AIP-164 `show_deleted`: soft-deleted workspaces not yet past their purge time are listed too. */
  showDeleted?: boolean;
  /** The collection's name, to which page tokens are bound (a token of one list fails on another). */
  collection?: string;
}

/** What the estimate depends on: the parent, the caller's visibility, deleted or not, the filter. */
function estimateKey(ctx: RequestContext, access: OrgAccess, options: ListWorkspacesOptions, filterKey: string): string {
  const who = access.isOrgAdmin ? "admin" : ctx.caller.userId;
  return [access.organizationId, who, (ctx.caller.token?.workspaceIds ?? []).join(","), options.showDeleted ? "deleted" : "", filterKey].join("\u0000");
}

/** A page row: times as text (isoTimestamps), the creator's columns, the first page's count. */
type ListedRow = WorkspaceColumns & {
  createdAt: string;
  updatedAt: string;
  deleteTime: string | null;
  purgeTime: string | null;
  creatorDisplayName: string | null;
  creatorEmail: string | null;
  total: number | null;
};

const SELECT = raw(workspaceSqlColumns("c"));

/**
 * Kognitos ListWorkspaces (and, with another key, CurrentUserOrganizationWorkspaces): one
 * statement per page, the creator joined. On a listing's first page the same statement counts
 * the matching workspaces up to EXACT_TOTAL_LIMIT + 1 (an index-only scan of
 * `workspaces_live_organization_id_idx` for an org admin's unfiltered list); later pages take
 * total_size from the page token (lib/api/total-size).
 */
export async function listWorkspaces(
  ctx: RequestContext,
  access: OrgAccess,
  params: ListParams,
  options: ListWorkspacesOptions = {},
): Promise<{ workspaces: WorkspaceOutput[]; next_page_token: string; total_size: number; total_size_is_estimate?: true }> {
  const ast = parseFilter(params.filter);
  const filter = compileFilter(ast, filterFields);
  const plan = planKeyset(workspaceListSpec, params, [
    options.collection ?? `organizations/${access.organizationId}/workspaces`,
    ctx.caller.userId,
    options.showDeleted ? "deleted" : "",
  ], canonicalFilter(ast));

  const base = visibleWorkspaces(ctx, access);
  base.push(options.showDeleted ? sql`(w.delete_time IS NULL OR w.purge_time > ${new Date().toISOString()}::timestamptz)` : sql`w.delete_time IS NULL`);
  if (filter) base.push(sqlOf(filter));
  const where = join(base, " AND ");
  const cursor = plan.after ? sql` AND ${keysetPredicate(plan.terms, plan.after, sqlKeyset("w"))}` : empty;
  const orderBy = join(plan.terms.map((t) => raw(`w.${t.path} ${t.desc ? "DESC" : "ASC"}`)), ", ");
  const page = sql`SELECT ${SELECT} FROM workspaces w LEFT JOIN users c ON c.id = w.creator_id
    WHERE ${where}${cursor} ORDER BY ${orderBy} LIMIT ${plan.pageSize + 1}`;
  // The count rides in the page's statement: one round trip whether or not the page is empty.
  const query = plan.carriedTotal
    ? sql`SELECT p.*, NULL::int AS total FROM (${page}) p`
    : sql`WITH n AS (SELECT count(*)::int AS total FROM (SELECT 1 FROM workspaces w WHERE ${where} LIMIT ${EXACT_TOTAL_LIMIT + 1}) s)
          SELECT p.*, n.total FROM n LEFT JOIN LATERAL (${page}) p ON TRUE ORDER BY ${join(plan.terms.map((t) => raw(`p."${ROW_KEY[t.name]}" ${t.desc ? "DESC" : "ASC"}`)), ", ")}`;

  // Times come as the response's text (see RawReadOptions.isoTimestamps): the page's order is
  // PostgreSQL's, on the columns themselves, and the cursor's date keys are that same text.
  const result = await queryRows<ListedRow>(query, { isoTimestamps: true });
  const rows = result.filter((r) => r.id !== null);
  const total =
    plan.carriedTotal ??
    (await resolveTotal(result[0]?.total ?? 0, estimateKey(ctx, access, options, canonicalFilter(ast)), async () =>
      plannedRows(await (await db()).$queryRaw(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM workspaces w WHERE ${where}`)),
    ));
  const listed = plan.page(rows, (row, term) => row[ROW_KEY[term.name]], total);
  return {
    workspaces: listed.items.map((r) => workspaceOutputOf(r, creatorOfColumns(r))),
    next_page_token: listed.nextPageToken,
    ...totalSizeFields(total),
  };
}
