import { describe, expect, it } from "vitest";
import { retryMessage } from "./login-form";

describe("retryMessage", () => {
  it("turns a rate-limited sign-in into when to retry", () => {
    const now = new Date("2026-12-01T10:00:00Z");
    expect(retryMessage("RATE_LIMITED:1", now)).toMatch(/^Too many failed sign-ins\. Try again in 1 second \(at .+\)\.$/);
    expect(retryMessage("RATE_LIMITED:45", now)).toMatch(/in 45 seconds/);
    expect(retryMessage("RATE_LIMITED:900", now)).toMatch(/in 15 minutes/);
  });

  it("leaves every other answer to the form's own messages", () => {
    expect(retryMessage("CredentialsSignin")).toBeUndefined();
    expect(retryMessage(undefined)).toBeUndefined();
    expect(retryMessage("RATE_LIMITED:")).toBeUndefined();
  });
});
