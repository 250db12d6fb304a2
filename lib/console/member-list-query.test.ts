import { describe, expect, it } from "vitest";
import { lastAdminOf } from "./member-admins";
import {
  memberListParams,
  memberListSearch,
  orgMemberListParams,
  orgMemberListSearch,
  parseMemberListQuery,
  parseOrgMemberListQuery,
} from "./member-list-query";

const user = (id: string, roles: [string, "ROLE_SCOPE_WORKSPACE" | "ROLE_SCOPE_ORGANIZATION"][]) => ({
  user: { name: `organizations/org_1/users/${id}`, display_name: id, email: `${id}@example.test` },
  roles: roles.map(([name, role_scope]) => ({ name, role_scope })),
});

describe("member list query", () => {
  it("round-trips the URL and builds AIP-160 filters with user text quoted", () => {
    const q = parseMemberListQuery(new URLSearchParams('q=a"b&role=workspace-viewer&scope=organization&order_by=email%20desc&page_size=10'));
    expect(q).toMatchObject({ q: 'a"b', role: "workspace-viewer", scope: "organization", orderBy: "email desc", pageSize: 10 });
    expect(memberListParams(q).filter).toBe('role = "workspace-viewer" AND role_scope = organization AND search : "a\\"b"');
    expect(parseMemberListQuery(new URLSearchParams(memberListSearch(q).slice(1)))).toEqual(q);
    expect(parseMemberListQuery(new URLSearchParams("scope=everyone&order_by=id&page_size=7"))).toMatchObject({ scope: "", orderBy: "created_time desc", pageSize: 25 });
    expect(memberListParams(parseMemberListQuery(new URLSearchParams())).filter).toBe("");
  });
});

describe("lastAdminOf", () => {
  it("names the only workspace admin when no organization admin covers the workspace", () => {
    expect(lastAdminOf([user("usr_a", [["workspace-admin", "ROLE_SCOPE_WORKSPACE"]])])).toBe("usr_a");
  });
  it("names nobody when an organization admin or a second admin exists", () => {
    expect(lastAdminOf([user("usr_a", [["workspace-admin", "ROLE_SCOPE_WORKSPACE"], ["org-admin", "ROLE_SCOPE_ORGANIZATION"]])])).toBeNull();
    expect(lastAdminOf([user("usr_a", [["workspace-admin", "ROLE_SCOPE_WORKSPACE"]]), user("usr_b", [["org-admin", "ROLE_SCOPE_ORGANIZATION"]])])).toBeNull();
    expect(lastAdminOf([user("usr_a", [["workspace-admin", "ROLE_SCOPE_WORKSPACE"]]), user("usr_b", [["workspace-admin", "ROLE_SCOPE_WORKSPACE"]])])).toBeNull();
    expect(lastAdminOf([])).toBeNull();
  });
});

describe("organization members table state", () => {
  it("round-trips through the URL, leaving defaults out", () => {
    const q = parseOrgMemberListQuery(new URLSearchParams("q=ann&page_token=abc&order_by=created_time%20desc"));
    expect(q).toEqual({ q: "ann", orderBy: "created_time desc", pageToken: "abc" });
    expect(orgMemberListSearch(q)).toBe("?q=ann&order_by=created_time+desc&page_token=abc");
    expect(orgMemberListSearch({ q: "", orderBy: "display_name", pageToken: "" })).toBe("");
    expect(parseOrgMemberListQuery({ q: ["first", "second"] })).toEqual({ q: "first", orderBy: "display_name", pageToken: "" });
    expect(parseOrgMemberListQuery(new URLSearchParams("order_by=password"))).toMatchObject({ orderBy: "display_name" });
  });

  it("searches with an AIP-160 literal, so quotes and backslashes stay data", () => {
    expect(orgMemberListParams({ q: '  a"b\\c ', orderBy: "email desc", pageToken: "" })).toEqual({
      filter: 'search : "a\\"b\\\\c"',
      order_by: "email desc",
      page_size: "25",
      page_token: "",
    });
    expect(orgMemberListParams({ q: "   ", orderBy: "display_name", pageToken: "t" }).filter).toBe("");
  });
});
