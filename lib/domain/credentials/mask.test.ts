import { describe, expect, it } from "vitest";
import { MASK, maskConfiguration, maskSecret } from "./mask";

describe("credential masking", () => {
  it("shows at most the last four characters of a long secret, none of a short one", () => {
    expect(maskSecret("s3cr3t-value-ABCD")).toBe(`${MASK}ABCD`);
    expect(maskSecret("short")).toBe(MASK);
    expect(maskSecret("elevenchars")).toBe(MASK);
    expect(maskSecret(12345678901234)).toBe(MASK);
  });

  it("masks every secret-named field at any depth and keeps the rest as sent", () => {
    const masked = maskConfiguration({
      client_id: "abc",
      client_secret: "0123456789-secret-WXYZ",
      token_url: "https://idp.example/token",
      scopes: ["read", "write"],
      refresh_token: "rt-0123456789-9876",
      nested: { api_key: "key-0123456789abcd", password: "pw", region: "eu" },
      signing_key: { kty: "oct", k: "AAAA" },
      privateKeyId: "kid-1",
      accessToken: "at-0123456789-5555",
      key_format: "pem",
    });
    expect(masked).toEqual({
      client_id: "abc",
      client_secret: `${MASK}WXYZ`,
      token_url: "https://idp.example/token",
      scopes: ["read", "write"],
      refresh_token: `${MASK}9876`,
      nested: { api_key: `${MASK}abcd`, password: MASK, region: "eu" },
      signing_key: MASK,
      privateKeyId: MASK,
      accessToken: `${MASK}5555`,
      key_format: "pem",
    });
  });
});
