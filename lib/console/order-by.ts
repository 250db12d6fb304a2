// A list's AIP-132 order_by as a table's sort state, and the order a click on a sortable header
// asks for: the same column flips direction; another column starts A→Z, or newest first for
// dates. There is no "unsorted": the API always orders. Client-safe.

export interface SortColumn {
  id: string;
  desc: boolean;
}

/** "create_time desc" → [{ id: "create_time", desc: true }] (the first field: the one a header shows). */
export function sortingOf(orderBy: string | undefined): SortColumn[] {
  const first = orderBy?.split(",")[0]?.trim();
  if (!first) return [];
  const [id, dir] = first.split(/\s+/);
  return [{ id, desc: dir?.toLowerCase() === "desc" }];
}

/** The order_by a click on a sortable header asks for. */
export function nextOrderBy(field: string, orderBy: string | undefined, newestFirst = false): string {
  const [current] = sortingOf(orderBy);
  if (current?.id === field) return current.desc ? field : `${field} desc`;
  return newestFirst ? `${field} desc` : field;
}

