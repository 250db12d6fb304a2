// AIP-134 update masks: which fields a PATCH changes. With `update_mask`, exactly those paths
// (a path's fields missing from the body are reset to their default); without it, the fields
// populated in the body. Output-only fields in the body are ignored, in a mask rejected.

import { fieldImmutable, invalidArgument } from "./errors";

export interface MaskSpec {
  /** Updatable paths, dotted (`title`, `configuration.domain`, `general.time_zone`). */
  updatable: readonly string[];
  /** Output-only paths a client may echo back; ignored in a body, rejected in a mask. */
  outputOnly: readonly string[];
  /**
   * Paths set at create and never changed (AIP-203 IMMUTABLE): in a mask they are refused; in a
   * body they are left out of the mask, and the domain checks that an echoed value is unchanged.
   */
  immutable?: readonly string[];
}

function populatedPaths(body: Record<string, unknown>, updatable: readonly string[], prefix = ""): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(body)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value === undefined) continue;
    const isParent = updatable.some((p) => p.startsWith(`${path}.`));
    if (isParent && value !== null && typeof value === "object" && !Array.isArray(value)) {
      out.push(...populatedPaths(value as Record<string, unknown>, updatable, path));
    } else {
      out.push(path);
    }
  }
  return out;
}

/**
 * Returns the set of updatable paths this request changes.
 * `*` in a mask means every updatable path (AIP-134 full replacement).
 */
export function resolveUpdateMask(
  mask: string | null | undefined,
  body: Record<string, unknown>,
  spec: MaskSpec,
): Set<string> {
  const under = (list: readonly string[] | undefined, p: string) => (list ?? []).some((o) => p === o || p.startsWith(`${o}.`));
  const isOutputOnly = (p: string) => under(spec.outputOnly, p);
  if (mask != null && mask.trim() !== "") {
    const paths = mask.split(",").map((p) => p.trim()).filter(Boolean);
    const result = new Set<string>();
    for (const path of paths) {
      const immutable = (spec.immutable ?? []).find((o) => path === o || path.startsWith(`${o}.`));
      if (immutable) throw fieldImmutable(immutable);
      if (path === "*") {
        spec.updatable.forEach((p) => result.add(p));
        continue;
      }
      if (isOutputOnly(path)) throw invalidArgument("update_mask", `'${path}' is output only`);
      const expanded = spec.updatable.filter((p) => p === path || p.startsWith(`${path}.`));
      if (expanded.length === 0) {
        throw invalidArgument("update_mask", `unknown field '${path}' (updatable: ${spec.updatable.join(", ")})`);
      }
      expanded.forEach((p) => result.add(p));
    }
    return result;
  }
  const result = new Set<string>();
  for (const path of populatedPaths(body, spec.updatable)) {
    if (isOutputOnly(path) || under(spec.immutable, path)) continue;
    if (!spec.updatable.includes(path)) {
      throw invalidArgument(path, `field '${path}' cannot be updated (updatable: ${spec.updatable.join(", ")})`);
    }
    result.add(path);
  }
  return result;
}

/** Reads a dotted path from a parsed body. */
export function valueAt(body: Record<string, unknown>, path: string): unknown {
  let node: unknown = body;
  for (const part of path.split(".")) {
    if (node == null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}
