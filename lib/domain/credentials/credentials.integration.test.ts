// OAuth credentials on a real database: sealed at rest, masked in every answer and audit entry,
// scoped to their workspace, gated by the Credential permissions, and re-sealed on key rotation.

import { randomBytes } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type Db } from "@/lib/db";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace, type TestUser } from "@/lib/testing/factories";
import { authorize, type WorkspaceAccess } from "@/lib/auth/authorize";
import { callerFromToken } from "@/lib/auth/authenticate";
import { disableWorkspace } from "@/lib/domain/workspaces/disable-workspace";
import { randomBase62 } from "@/lib/ids";
import { parseWith } from "@/lib/api/http";
import { CredentialCreateInput, CredentialOutput, CredentialRotateInput } from "@/lib/schemas/credentials";
import { WorkspaceStateChangeInput } from "@/lib/schemas/workspaces";
import { createCredential } from "./create-credential";
import { getCredential } from "./get-credential";
import { listCredentials } from "./list-credentials";
import { rotateCredential } from "./rotate-credential";
import { deleteCredential } from "./delete-credential";
import { resealCredentials } from "./reseal-credentials";
import { checkCredentialsKey } from "./check-credentials-key";
import { CredentialsKeyError, keyRingFromEnv, open } from "./sealing";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");
const ORIGINAL_ENV = { CREDENTIALS_KEY: `key-a:${keyA}`, CREDENTIALS_KEYS: undefined as string | undefined };

function setKeys(current: string | undefined, older?: string) {
  if (current === undefined) delete process.env.CREDENTIALS_KEY;
  else process.env.CREDENTIALS_KEY = current;
  if (older === undefined) delete process.env.CREDENTIALS_KEYS;
  else process.env.CREDENTIALS_KEYS = older;
}

let owner: TestUser;
let orgId: string;
let wsId: string;
let admin: WorkspaceAccess;

beforeAll(async () => {
  setKeys(ORIGINAL_ENV.CREDENTIALS_KEY);
  owner = await makeUser("Cred Owner");
  orgId = (await makeOrg(owner, "Credential Org")).organization_id;
  wsId = (await makeWorkspace(owner, orgId, { title: "Connectors" })).workspace_id;
  admin = await authorize(owner.ctx, "create:Credential", { organizationId: orgId, workspaceId: wsId });
});

afterEach(() => {
  setKeys(ORIGINAL_ENV.CREDENTIALS_KEY);
  vi.restoreAllMocks();
});

const secretValue = () => `cs_${randomBase62(40)}`;

function input(secret: string, extra: Record<string, unknown> = {}) {
  return parseWith(CredentialCreateInput, {
    actor_type: "workspace",
    name: `crm ${randomBase62(6)}`,
    configuration: { client_id: "client-123", client_secret: secret, token_url: "https://idp.example/oauth/token", ...extra },
  });
}

async function rawRow(id: string) {
  const rows = await (await db()).$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM oauth_credentials WHERE id = $1`, id);
  return rows[0];
}

/** Everything in the database a secret could have been copied into: the row and the audit log. */
async function storedText(id: string): Promise<string> {
  const audit = await (await db()).$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM audit_log_entries WHERE resource LIKE $1`, `%${id}`);
  return JSON.stringify([await rawRow(id), audit]);
}

function expectNoSecret(text: string, secret: string) {
  expect(text).not.toContain(secret);
  // Only the last four characters may ever appear.
  expect(text).not.toContain(secret.slice(0, -4));
  expect(text).not.toContain(Buffer.from(secret).toString("base64"));
  expect(text).not.toContain(Buffer.from(secret).toString("hex"));
}

describe("creating a credential", () => {
  it("answers with the masked configuration, stores only sealed bytes, and logs and audits no secret", async () => {
    const logged: unknown[] = [];
    for (const level of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
    }
    const secret = secretValue();
    const refresh = `rt_${randomBase62(30)}`;
    const created = await createCredential(owner.ctx, admin, input(secret, { refresh_token: refresh, scopes: ["read", "write"] }));
    expect(CredentialOutput.strict().parse(created)).toEqual(created);
    expect(created.credential_id).toMatch(/^cred_/);
    expect(created.configuration).toEqual({
      client_id: "client-123",
      client_secret: `********${secret.slice(-4)}`,
      token_url: "https://idp.example/oauth/token",
      refresh_token: `********${refresh.slice(-4)}`,
      scopes: ["read", "write"],
    });

    const row = await rawRow(created.credential_id);
    expect(row.key_id).toBe("key-a");
    const stored = await storedText(created.credential_id);
    expectNoSecret(stored, secret);
    expectNoSecret(stored, refresh);
    // The sealed bytes do hold the configuration, for whoever has the key.
    const opened = open(keyRingFromEnv(), { keyId: String(row.key_id), sealed: String(row.config_encrypted) }, { workspaceId: wsId, credentialId: created.credential_id });
    expect(opened).toMatchObject({ client_secret: secret, refresh_token: refresh });

    const answers = JSON.stringify([
      created,
      await getCredential(owner.ctx, admin, created.credential_id),
      await listCredentials(owner.ctx, admin, {}),
    ]);
    expectNoSecret(answers, secret);
    expectNoSecret(JSON.stringify(logged), secret);
    const audit = await (await db()).auditLogEntry.findMany({ where: { resource: { endsWith: created.credential_id } } });
    expect(audit.map((a) => a.action)).toEqual(["credential.create"]);
  });

  it("shows no characters at all of a short secret", async () => {
    const created = await createCredential(owner.ctx, admin, input("tiny"));
    expect(created.configuration.client_secret).toBe("********");
  });

  it("validates the body and refuses a second credential of the same name in the workspace", async () => {
    const bad = [
      [{ actor_type: "workspace", name: "x", configuration: { client_id: "a" } }, "configuration.client_secret"],
      [{ actor_type: "workspace", name: "x", configuration: { client_id: "a", client_secret: "b\u0000c" } }, "configuration.client_secret"],
      [{ actor_type: "", name: "x", configuration: { client_id: "a", client_secret: "b" } }, "actor_type"],
      [{ actor_type: "workspace", name: "", configuration: { client_id: "a", client_secret: "b" } }, "name"],
      [{ actor_type: "workspace", name: "x", configuration: { client_id: "a", client_secret: "b" }, secret: 1 }, "secret"],
      [{ actor_type: "workspace", name: "x", configuration: { client_id: "a", client_secret: "b", blob: "x".repeat(20_000) } }, "configuration"],
    ] as const;
    for (const [body, field] of bad) {
      let fields: string[] = [];
      try {
        parseWith(CredentialCreateInput, body);
      } catch (e) {
        fields = ((e as { options: { fieldViolations: { field: string }[] } }).options.fieldViolations ?? []).map((v) => v.field);
      }
      expect(fields, JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    const first = input(secretValue());
    await createCredential(owner.ctx, admin, first);
    await expect(createCredential(owner.ctx, admin, { ...first, configuration: { client_id: "b", client_secret: "c" } })).rejects.toMatchObject({
      code: "ALREADY_EXISTS",
      options: { reason: "CREDENTIAL_NAME_TAKEN" },
    });
  });

  it("is refused with FAILED_PRECONDITION when the server has no CREDENTIALS_KEY", async () => {
    setKeys(undefined);
    const before = await (await db()).oAuthCredential.count();
    await expect(createCredential(owner.ctx, admin, input(secretValue()))).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      options: { reason: "CREDENTIALS_KEY_MISSING" },
    });
    expect(await (await db()).oAuthCredential.count()).toBe(before);
  });
});

describe("who may see and change credentials", () => {
  it("viewer: not even read; editor: read only; DISABLED workspace: no changes; READ_ONLY token: no changes", async () => {
    const target = { organizationId: orgId, workspaceId: wsId };
    const viewer = await makeUser("Cred Viewer");
    await addMember(viewer.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-viewer"] });
    await expect(authorize(viewer.ctx, "read:Credential", target)).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
    const editor = await makeUser("Cred Editor");
    await addMember(editor.id, orgId, ["org-member"], { id: wsId, roles: ["workspace-editor"] });
    await expect(authorize(editor.ctx, "read:Credential", target)).resolves.toBeDefined();
    await expect(authorize(editor.ctx, "create:Credential", target)).rejects.toMatchObject({ code: "PERMISSION_DENIED" });
    await expect(authorize(editor.ctx, "delete:Credential", target)).rejects.toMatchObject({ code: "PERMISSION_DENIED" });

    const ro = { ...owner.ctx, caller: await callerFromToken(await makeToken(owner, { organizationId: orgId, access: "READ_ONLY" })) };
    await expect(authorize(ro, "read:Credential", target)).resolves.toBeDefined();
    await expect(authorize(ro, "create:Credential", target)).rejects.toMatchObject({ code: "PERMISSION_DENIED", options: { reason: "TOKEN_READ_ONLY" } });

    const other = (await makeWorkspace(owner, orgId)).workspace_id;
    const otherAccess = await authorize(owner.ctx, "manage:WorkspaceState", { organizationId: orgId, workspaceId: other });
    await disableWorkspace(owner.ctx, otherAccess, WorkspaceStateChangeInput.parse({}));
    await expect(authorize(owner.ctx, "create:Credential", { organizationId: orgId, workspaceId: other })).rejects.toMatchObject({
      code: "FAILED_PRECONDITION",
      options: { reason: "WORKSPACE_DISABLED" },
    });
    await expect(authorize(owner.ctx, "read:Credential", { organizationId: orgId, workspaceId: other })).resolves.toBeDefined();
  });

  it("a credential of another workspace or organization is NOT_FOUND and left untouched", async () => {
    const created = await createCredential(owner.ctx, admin, input(secretValue()));
    const sibling = (await makeWorkspace(owner, orgId)).workspace_id;
    const siblingAccess = await authorize(owner.ctx, "delete:Credential", { organizationId: orgId, workspaceId: sibling });
    const stranger = await makeUser("Cred Stranger");
    const strangerOrg = (await makeOrg(stranger)).organization_id;
    const strangerWs = (await makeWorkspace(stranger, strangerOrg)).workspace_id;
    const strangerAccess = await authorize(stranger.ctx, "delete:Credential", { organizationId: strangerOrg, workspaceId: strangerWs });
    for (const [ctx, access] of [[owner.ctx, siblingAccess], [stranger.ctx, strangerAccess]] as const) {
      await expect(getCredential(ctx, access, created.credential_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(deleteCredential(ctx, access, created.credential_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(
        rotateCredential(ctx, access, created.credential_id, parseWith(CredentialRotateInput, { configuration: { client_id: "x", client_secret: "pwned" } })),
      ).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await listCredentials(ctx, access, {})).oauth_credentials.map((c) => c.credential_id)).not.toContain(created.credential_id);
    }
    expect(await getCredential(owner.ctx, admin, created.credential_id)).toEqual(created);
    await expect(getCredential(owner.ctx, admin, "cred_nope")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("rotating and deleting", () => {
  it("rotate replaces the configuration, keeps the id, and leaves no trace of the old secret", async () => {
    const oldSecret = secretValue();
    const created = await createCredential(owner.ctx, admin, input(oldSecret));
    const newSecret = secretValue();
    const rotated = await rotateCredential(
      owner.ctx,
      admin,
      created.credential_id,
      parseWith(CredentialRotateInput, { configuration: { client_id: "client-456", client_secret: newSecret } }),
    );
    expect(rotated).toMatchObject({
      credential_id: created.credential_id,
      name: created.name,
      create_time: created.create_time,
      configuration: { client_id: "client-456", client_secret: `********${newSecret.slice(-4)}` },
    });
    expect(rotated.configuration).not.toHaveProperty("token_url");
    expect(rotated.update_time >= created.update_time).toBe(true);
    const stored = await storedText(created.credential_id);
    expectNoSecret(stored, oldSecret);
    expectNoSecret(stored, newSecret);
    const row = await rawRow(created.credential_id);
    expect(open(keyRingFromEnv(), { keyId: String(row.key_id), sealed: String(row.config_encrypted) }, { workspaceId: wsId, credentialId: created.credential_id })).toEqual({
      client_id: "client-456",
      client_secret: newSecret,
    });
  });

  it("delete removes the row and is audited; a second delete is NOT_FOUND", async () => {
    const created = await createCredential(owner.ctx, admin, input(secretValue()));
    await deleteCredential(owner.ctx, admin, created.credential_id);
    expect(await rawRow(created.credential_id)).toBeUndefined();
    await expect(deleteCredential(owner.ctx, admin, created.credential_id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const audit = await (await db()).auditLogEntry.findMany({ where: { resource: { endsWith: created.credential_id } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["credential.create", "credential.delete"]);
  });

  it("lists newest first with keyset paging and a name filter", async () => {
    const ws = (await makeWorkspace(owner, orgId)).workspace_id;
    const access = await authorize(owner.ctx, "create:Credential", { organizationId: orgId, workspaceId: ws });
    for (const name of ["alpha", "beta", "gamma"]) {
      await createCredential(owner.ctx, access, parseWith(CredentialCreateInput, { actor_type: "workspace", name, configuration: { client_id: name, client_secret: "s" } }));
    }
    const p1 = await listCredentials(owner.ctx, access, { page_size: "2" });
    expect(p1.oauth_credentials.map((c) => c.name)).toEqual(["gamma", "beta"]);
    const p2 = await listCredentials(owner.ctx, access, { page_size: "2", page_token: p1.next_page_token });
    expect(p2.oauth_credentials.map((c) => c.name)).toEqual(["alpha"]);
    expect(p2.next_page_token).toBe("");
    expect((await listCredentials(owner.ctx, access, { filter: 'name : "ET"' })).oauth_credentials.map((c) => c.name)).toEqual(["beta"]);
    await expect(listCredentials(owner.ctx, admin, { page_size: "2", page_token: p1.next_page_token })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});

describe("key rotation", () => {
  it("old rows open with the old key until credentials:reseal moves them to the newest", async () => {
    const secret = secretValue();
    const created = await createCredential(owner.ctx, admin, input(secret));
    const at = { workspaceId: wsId, credentialId: created.credential_id };
    expect((await rawRow(created.credential_id)).key_id).toBe("key-a");

    // Rotation: key B seals, key A stays readable.
    setKeys(`key-b:${keyB}`, `key-a:${keyA}`);
    const prisma = await db();
    const status = await checkCredentialsKey(prisma);
    expect(status.onOlderKeys).toBeGreaterThan(0);
    const stale = await rawRow(created.credential_id);
    expect(open(keyRingFromEnv(), { keyId: String(stale.key_id), sealed: String(stale.config_encrypted) }, at)).toMatchObject({ client_secret: secret });
    const fresh = await createCredential(owner.ctx, admin, input(secretValue()));
    expect((await rawRow(fresh.credential_id)).key_id).toBe("key-b");
    expect(await getCredential(owner.ctx, admin, created.credential_id)).toEqual(created);

    // Without key A, the server would refuse to start.
    setKeys(`key-b:${keyB}`);
    await expect(checkCredentialsKey(prisma)).rejects.toThrow(/key-a/);

    setKeys(`key-b:${keyB}`, `key-a:${keyA}`);
    const updateTimeBefore = (await rawRow(created.credential_id)).update_time;
    const report = await resealCredentials();
    expect(report.keyId).toBe("key-b");
    expect(report.resealed).toBe(report.total - 1);
    const after = await rawRow(created.credential_id);
    expect(after.key_id).toBe("key-b");
    expect(after.config_encrypted).not.toBe(stale.config_encrypted);
    expect(after.update_time).toEqual(updateTimeBefore);
    expectNoSecret(await storedText(created.credential_id), secret);
    expect((await resealCredentials()).resealed).toBe(0);

    // Key A can go now.
    setKeys(`key-b:${keyB}`);
    expect(await checkCredentialsKey(prisma)).toMatchObject({ onOlderKeys: 0 });
    expect(open(keyRingFromEnv(), { keyId: String(after.key_id), sealed: String(after.config_encrypted) }, at)).toMatchObject({ client_secret: secret });
    // And the rest of this file's tests go on under key B.
    ORIGINAL_ENV.CREDENTIALS_KEY = `key-b:${keyB}`;
  });

  it("a missing key refuses to start when credentials exist, with a message naming what to set", async () => {
    setKeys(undefined);
    const error = await checkCredentialsKey(await db()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsKeyError);
    expect((error as Error).message).toMatch(/CREDENTIALS_KEY is not set/);
    expect((error as Error).message).toContain("key-b");
    // With no credential stored, a server without a key starts.
    const empty = { oAuthCredential: { groupBy: async () => [] } } as unknown as Db;
    await expect(checkCredentialsKey(empty)).resolves.toEqual({ credentials: 0, onOlderKeys: 0 });
  });

  it("reseal refuses, changing nothing, while a row's key is missing", async () => {
    setKeys(`key-c:${randomBytes(32).toString("base64")}`);
    const before = await (await db()).$queryRawUnsafe<unknown[]>(`SELECT id, key_id, config_encrypted FROM oauth_credentials ORDER BY id`);
    await expect(resealCredentials()).rejects.toThrow(/key-b/);
    expect(await (await db()).$queryRawUnsafe<unknown[]>(`SELECT id, key_id, config_encrypted FROM oauth_credentials ORDER BY id`)).toEqual(before);
  });
});
