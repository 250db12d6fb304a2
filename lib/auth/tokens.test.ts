import { describe, expect, it } from "vitest";
import { generateToken, hashToken, tokenFormat, TOKEN_PREFIX } from "./tokens";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

describe("personal access token format", () => {
  it("mints prefixed tokens with at least 160 random bits and a checksum that verifies", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const { token, prefix, hash } = generateToken();
      expect(token).toMatch(/^wsa_pat_[0-9A-Za-z]{38}$/);
      expect(tokenFormat(token)).toBe("current");
      expect(prefix).toBe(token.slice(0, TOKEN_PREFIX.length + 4));
      expect(hash).toBe(hashToken(token));
      expect(hash).not.toContain(token);
      seen.add(token);
    }
    expect(seen.size).toBe(200);
  });

  it("refuses every single-character typo and every swap of neighbours", () => {
    const { token } = generateToken();
    let refused = 0;
    let tried = 0;
    for (let i = TOKEN_PREFIX.length; i < token.length; i++) {
      for (const c of BASE62) {
        if (c === token[i]) continue;
        tried++;
        if (tokenFormat(token.slice(0, i) + c + token.slice(i + 1)) === undefined) refused++;
      }
      if (i + 1 < token.length && token[i] !== token[i + 1]) {
        tried++;
        const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
        if (tokenFormat(swapped) === undefined) refused++;
      }
    }
    expect(tried).toBeGreaterThan(2000);
    expect(refused).toBe(tried);
  });

  it("still recognises the earlier format and refuses anything else", () => {
    expect(tokenFormat(`wsa_${"a1B2c3D4e5".repeat(4)}`)).toBe("legacy");
    const { token } = generateToken();
    for (const bad of ["", "wsa_notarealtoken", token.slice(0, -1), `${token}x`, token.replace("wsa_pat_", "wsa_pot_"), ` ${token}`]) {
      expect(tokenFormat(bad), bad).toBeUndefined();
    }
  });
});
