import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { etagPreconditions, etagsMatch, parseEtagList, versionEtag } from "./etag";

describe("etags", () => {
  it("formats versions as weak etags and parses them back, strong or weak", () => {
    expect(versionEtag(3)).toBe('W/"3"');
    expect(parseEtagList('W/"3"', "etag")).toEqual([3]);
    expect(parseEtagList('"12"', "etag")).toEqual([12]);
    expect(parseEtagList('W/"1", W/"2"', "If-Match")).toEqual([1, 2]);
    expect(parseEtagList("*", "If-Match")).toEqual(["*"]);
  });

  it("rejects malformed etags with INVALID_ARGUMENT naming where it came from", () => {
    for (const bad of ["3", 'W/"abc"', "W/3", '""', ",", 'W/"1234567890"']) {
      let error: unknown;
      try {
        parseEtagList(bad, "If-Match");
      } catch (e) {
        error = e;
      }
      expect(error, bad).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("INVALID_ARGUMENT");
      expect((error as ApiError).options.reason).toBe("INVALID_ETAG");
      expect((error as ApiError).options.fieldViolations?.[0].field).toBe("If-Match");
    }
  });

  it("requires every stated precondition to hold", () => {
    expect(etagsMatch([], 5)).toBe(true);
    expect(etagsMatch(etagPreconditions({ body: 'W/"5"' }), 5)).toBe(true);
    expect(etagsMatch(etagPreconditions({ body: 'W/"4"' }), 5)).toBe(false);
    expect(etagsMatch(etagPreconditions({ ifMatch: "*" }), 5)).toBe(true);
    expect(etagsMatch(etagPreconditions({ ifMatch: 'W/"4", W/"5"' }), 5)).toBe(true);
    expect(etagsMatch(etagPreconditions({ body: 'W/"5"', ifMatch: 'W/"4"' }), 5)).toBe(false);
    expect(etagsMatch(etagPreconditions({ body: "", ifMatch: null, query: null }), 5)).toBe(true);
  });
});
