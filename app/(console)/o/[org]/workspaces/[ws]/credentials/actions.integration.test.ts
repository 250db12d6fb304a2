import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/console-session";
import { addMember, makeOrg, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { createCredentialAction, deleteCredentialAction, rotateCredentialAction } from "./actions";

vi.mock("@/lib/auth/session", async () => (await import("@/lib/testing/console-session")).sessionModule());

let admin: TestUser;
let orgId: string;
let wsId: string;

beforeAll(async () => {
  process.env.CREDENTIALS_KEY = randomBytes(32).toString("base64");
  admin = await makeUser("Cred Console");
  orgId = (await makeOrg(admin)).organization_id;
  wsId = (await makeWorkspace(admin, orgId)).workspace_id;
});

describe("credential actions", () => {
  it("add, rotate and delete answer masked configurations; an editor is refused", async () => {
    actAs(admin);
    const secret = randomBytes(16).toString("hex");
    const created = await createCredentialAction(orgId, wsId, { actor_type: "workspace", name: "crm", configuration: { client_id: "a", client_secret: secret } });
    expect(created.ok, JSON.stringify(created)).toBe(true);
    if (!created.ok) return;
    expect(JSON.stringify(created)).not.toContain(secret.slice(0, -4));
    const rotated = await rotateCredentialAction(orgId, wsId, created.data.credential_id, { configuration: { client_id: "b", client_secret: "s" } });
    expect(rotated.ok && rotated.data.configuration).toEqual({ client_id: "b", client_secret: "********" });
    const editor = await makeUser("Cred Editor");
    await addMember(editor.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-editor"] });
    actAs(editor);
    const refused = await deleteCredentialAction(orgId, wsId, created.data.credential_id);
    expect(!refused.ok && refused.error.code).toBe("PERMISSION_DENIED");
    actAs(admin);
    expect((await deleteCredentialAction(orgId, wsId, created.data.credential_id)).ok).toBe(true);
  });
});
