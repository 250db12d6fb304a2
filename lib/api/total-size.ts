// AIP-158 `total_size` that costs nothing per page (API.md §1): counted once per listing, on its
// first page, by a count that stops at EXACT_TOTAL_LIMIT + 1 rows; the answer then travels in the
// signed page token, so later pages count nothing. Up to EXACT_TOTAL_LIMIT the answer is exact for
// the filter at the time of the first page; above it, it is PostgreSQL's planner estimate of the
// same query (never below the rows counted) and the response says `total_size_is_estimate: true`.

import type { TotalSize } from "./page-token";

export type { TotalSize };

export const EXACT_TOTAL_LIMIT = 10_000;

/** The list response fields: `total_size_is_estimate` only when it is one. */
export function totalSizeFields(total: TotalSize): { total_size: number; total_size_is_estimate?: true } {
  return total.estimate ? { total_size: total.value, total_size_is_estimate: true } : { total_size: total.value };
}

// An estimate is an estimate: one per query shape and parent per minute is plenty, and it keeps
// the planner call off the hot path of a big organization's first page.
const ESTIMATE_TTL_MS = 60_000;
const MAX_CACHED = 1000;
const estimates = new Map<string, { value: number; at: number }>();

/**
 * The total from the capped count `counted` (at most EXACT_TOTAL_LIMIT + 1); above the limit,
 * `estimate()` (cached per `key` for a minute).
 */
export async function resolveTotal(counted: number, key: string, estimate: () => Promise<number>): Promise<TotalSize> {
  if (counted <= EXACT_TOTAL_LIMIT) return { value: counted, estimate: false };
  const now = Date.now();
  let cached = estimates.get(key);
  if (!cached || now - cached.at > ESTIMATE_TTL_MS) {
    if (estimates.size >= MAX_CACHED) estimates.delete(estimates.keys().next().value!);
    cached = { value: Math.round(await estimate()), at: now };
    estimates.set(key, cached);
  }
  return { value: Math.max(cached.value, counted), estimate: true };
}

/** The planner's row estimate of `EXPLAIN (FORMAT JSON) …` output. */
export function plannedRows(explain: unknown): number {
  const plan = (explain as { "QUERY PLAN": [{ Plan: { "Plan Rows": number } }] }[])[0]?.["QUERY PLAN"]?.[0]?.Plan;
  return Number(plan?.["Plan Rows"] ?? 0);
}
