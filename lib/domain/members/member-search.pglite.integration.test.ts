// The embedded database must run the same migrations and the same member queries as PostgreSQL:
// the trigram indexes need pg_trgm, which PGlite only has when it is loaded at open.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { openEmbeddedDb, type EmbeddedDb } from "../../embedded-db";
import { makePrisma } from "../../prisma-client";
import { provideDb } from "../../db";
import { authorize } from "../../auth/authorize";
import { addMember, makeOrg, makeUser, makeWorkspace } from "../../testing/factories";
import { listWorkspaceUsers } from "./list-workspace-users";

let dir: string;
let embedded: EmbeddedDb;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "wsa-pglite-"));
  embedded = await openEmbeddedDb(path.join(dir, "data"));
  provideDb(makePrisma(new PrismaPGlite(embedded.pglite)));
}, 120_000);

afterAll(async () => {
  await embedded?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("member search on PGlite", () => {
  it("applies the migrations with pg_trgm and its indexes", async () => {
    const ext = await embedded.pglite.query<{ extname: string }>("SELECT extname FROM pg_extension WHERE extname = 'pg_trgm'");
    expect(ext.rows).toEqual([{ extname: "pg_trgm" }]);
    const idx = await embedded.pglite.query<{ indexname: string }>(
      "SELECT indexname FROM pg_indexes WHERE tablename = 'users' AND indexname LIKE '%trgm%' ORDER BY indexname",
    );
    expect(idx.rows.map((r) => r.indexname)).toEqual(["users_display_name_trgm_idx", "users_email_trgm_idx"]);
  });

  it("runs ListWorkspaceUsers with search, role filter and paging", async () => {
    const owner = await makeUser("Pat Owner");
    const org = await makeOrg(owner, "Embedded");
    const ws = await makeWorkspace(owner, org.organization_id, { title: "Local" });
    for (const name of ["Quinn Viewer", "Quincy Viewer", "Rita Editor"]) {
      const u = await makeUser(name);
      await addMember(u.id, org.organization_id, ["org-member"], { id: ws.workspace_id, roles: [name.endsWith("Editor") ? "workspace-editor" : "workspace-viewer"] });
    }
    const access = await authorize(owner.ctx, "read:Member", { organizationId: org.organization_id, workspaceId: ws.workspace_id });
    const found = await listWorkspaceUsers(owner.ctx, access, { filter: 'search : "quin" AND role = "Workspace Viewer"', order_by: "display_name", page_size: "1" });
    expect(found.users.map((u) => u.user.display_name)).toEqual(["Quincy Viewer"]);
    const next = await listWorkspaceUsers(owner.ctx, access, {
      filter: 'search : "quin" AND role = "Workspace Viewer"',
      order_by: "display_name",
      page_size: "1",
      page_token: found.next_page_token,
    });
    expect(next.users.map((u) => u.user.display_name)).toEqual(["Quinn Viewer"]);
    expect(next.next_page_token).toBe("");
  });
});
