// Lists written as SQL (where one statement must join, count or merge what Prisma would split
// into several): the filter compiled to a tree of SQL fragments, the keyset predicate as SQL, and
// LIKE patterns. Every value stays a bound parameter.

import { Prisma } from "../generated/prisma/client";
import type { KeysetBuilder } from "./list";

const { sql, join, raw } = Prisma;

export type SqlWhere = { sql: Prisma.Sql } | { AND: SqlWhere[] } | { OR: SqlWhere[] } | { NOT: SqlWhere };

export function sqlOf(w: SqlWhere): Prisma.Sql {
  if ("sql" in w) return w.sql;
  if ("AND" in w) return sql`(${join(w.AND.map(sqlOf), " AND ")})`;
  if ("OR" in w) return sql`(${join(w.OR.map(sqlOf), " OR ")})`;
  return sql`(NOT ${sqlOf(w.NOT)})`;
}

/** `%`, `_` and `\` in a search value are literal characters, not LIKE wildcards. */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The keyset predicate over columns `${alias}.${term.path}`; cursor values bound as typed parameters. */
export function sqlKeyset(alias: string): KeysetBuilder<Prisma.Sql> {
  return {
    compare: (term, op, value) => {
      const param = term.kind === "date" ? sql`${(value as Date).toISOString()}::timestamptz` : sql`${String(value)}::text`;
      return sql`${raw(`${alias}.${term.path}`)} ${raw(op)} ${param}`;
    },
    and: (parts) => sql`(${join(parts, " AND ")})`,
    or: (parts) => sql`(${join(parts, " OR ")})`,
  };
}
