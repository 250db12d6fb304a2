// Reading google.rpc.Status bodies in tests: the ErrorInfo and BadRequest details, and one
// assertion for status, code and reason together.

import { expect } from "vitest";
import type { ApiResponse } from "./api-client";

interface Detail {
  "@type": string;
  [key: string]: unknown;
}

export function errorInfo(body: { details?: Detail[] } | null): { reason: string; domain: string; metadata: Record<string, string> } | undefined {
  return body?.details?.find((d) => d["@type"].endsWith("google.rpc.ErrorInfo")) as never;
}

export function violatedFields(body: { details?: Detail[] } | null): string[] {
  const bad = body?.details?.find((d) => d["@type"].endsWith("google.rpc.BadRequest")) as { field_violations?: { field: string }[] } | undefined;
  return (bad?.field_violations ?? []).map((v) => v.field);
}

/** Asserts an rpcStatus error: HTTP status, gRPC code, and ErrorInfo reason. */
export function expectRpcError(res: ApiResponse, status: number, code: number, reason: string): void {
  const context = JSON.stringify(res.body);
  expect(res.status, context).toBe(status);
  expect(res.body?.code, context).toBe(code);
  expect(errorInfo(res.body)?.reason, context).toBe(reason);
  expect(errorInfo(res.body)?.domain, context).toBe("workspaces.api");
}
