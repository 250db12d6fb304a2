// Regression: with PostgreSQL unreachable, a request answered 500 INTERNAL ("Connection
// terminated unexpectedly" from the driver was not recognised) instead of 503 UNAVAILABLE.

import { describe, expect, it } from "vitest";
import { toApiError } from "./http";

const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe("a lost database", () => {
  it.each([
    ["a connection cut by the network", withCode("Connection terminated unexpectedly")],
    ["a refused connection", withCode("connect ECONNREFUSED 127.0.0.1:5432", "ECONNREFUSED")],
    ["a reset connection", withCode("read ECONNRESET", "ECONNRESET")],
    ["a pool that could not connect in time", withCode("timeout exceeded when trying to connect")],
    ["PostgreSQL shutting down", withCode("terminating connection due to administrator command", "57P01")],
    ["a connection exception (SQLSTATE class 08)", withCode("connection failure", "08006")],
    ["Prisma's own code", withCode("Can't reach database server", "P1001")],
    ["a wrapped cause", Object.assign(new Error("query failed"), { cause: withCode("x", "ECONNREFUSED") })],
    // Found by the faults suite: a raw query on a cut connection answered 500 INTERNAL.
    ["a raw query's closed connection (P2010)", Object.assign(new Error("Raw query failed. Code: `N/A`. Message: `x`"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } })],
    ["a driver adapter's closed connection", Object.assign(new Error("ConnectionClosed"), { name: "DriverAdapterError", cause: { kind: "ConnectionClosed" } })],
  ])("%s is 503 UNAVAILABLE with Retry-After", (_, error) => {
    const e = toApiError(error);
    expect(e.code).toBe("UNAVAILABLE");
    expect(e.httpStatus).toBe(503);
    expect(e.options.reason).toBe("DATABASE_UNAVAILABLE");
    expect(e.options.headers?.["retry-after"]).toBe("1");
  });

  it("other failures stay INTERNAL, and a unique violation stays ALREADY_EXISTS", () => {
    expect(toApiError(new Error("boom")).code).toBe("INTERNAL");
    expect(toApiError(withCode("duplicate", "23505")).code).toBe("INTERNAL");
    expect(toApiError(withCode("unique", "P2002")).code).toBe("ALREADY_EXISTS");
  });

  // Regression (found by the races suite): 50 concurrent creates on a loaded machine answered
  // 500 INTERNAL when Prisma could not start a transaction in time (the pool was busy).
  it("a transaction that could not start in time is 503 UNAVAILABLE (busy), not INTERNAL", () => {
    const e = toApiError(withCode("Transaction API error: Unable to start a transaction in the given time.", "P2028"));
    expect([e.code, e.httpStatus, e.options.reason, e.options.headers?.["retry-after"]]).toEqual(["UNAVAILABLE", 503, "SERVER_BUSY", "1"]);
  });
});
