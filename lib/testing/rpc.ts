// Reading google.rpc.Status bodies in tests: the ErrorInfo and BadRequest details, and one
// assertion for status, code and reason together.

import { expect } from "vitest";
import type { ApiResponse } from "./api-client";
import { kognitosSchemaValidator } from "./kognitos-schemas";

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

// 405 (a method the path lacks) has no gRPC code of its own: the API answers INVALID_ARGUMENT.
// RESOURCE_EXHAUSTED is 413 for a body, 431 for a URL and headers over the server's limit (over
// HTTP, answered by scripts/client-error.mjs), 429 for a rate limit.
const RPC_STATUS_HTTP: Record<number, number[]> = { 3: [400, 405], 5: [404], 6: [409], 7: [403], 8: [413, 429, 431], 9: [400], 10: [409], 11: [400], 14: [503], 16: [401] };

/**
 * Asserts that an error answer is a well-formed rpcStatus: JSON, the seed's `rpcStatus` schema, a
 * gRPC code that fits the HTTP status (and is `code` when given), a message, an ErrorInfo in our
 * domain, BadRequest violations that name a field, and the request id of the `X-Request-Id` header.
 */
export function validateRpcStatus(res: ApiResponse, code?: number): void {
  const context = `${res.status} ${JSON.stringify(res.body)?.slice(0, 500)}`;
  expect(res.headers.get("content-type"), context).toMatch(/^application\/json/);
  const body = res.body as { code?: unknown; message?: unknown; details?: Detail[] } | null;
  const validate = kognitosSchemaValidator("rpcStatus");
  expect(validate(body), `${context}: ${JSON.stringify(validate.errors)}`).toBe(true);
  expect(Number.isInteger(body?.code), context).toBe(true);
  if (code !== undefined) expect(body?.code, context).toBe(code);
  expect(RPC_STATUS_HTTP[body!.code as number], context).toContain(res.status);
  expect(typeof body?.message === "string" && body.message.length > 0, context).toBe(true);
  const info = errorInfo(body as { details?: Detail[] });
  expect(info?.domain, context).toBe("workspaces.api");
  expect(info?.reason, context).toMatch(/^[A-Z][A-Z0-9_]*$/);
  const requestInfo = body?.details?.find((d) => d["@type"].endsWith("google.rpc.RequestInfo"));
  expect(requestInfo?.request_id, context).toBe(res.headers.get("x-request-id"));
  const bad = body?.details?.find((d) => d["@type"].endsWith("google.rpc.BadRequest")) as { field_violations?: unknown } | undefined;
  if (bad) {
    expect(Array.isArray(bad.field_violations) && bad.field_violations.length > 0, context).toBe(true);
    for (const v of bad.field_violations as { field?: unknown; description?: unknown }[]) {
      expect(typeof v.field === "string" && v.field.length > 0 && typeof v.description === "string", context).toBe(true);
    }
  }
}
