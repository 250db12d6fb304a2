// The OAuth credential routes end to end: status codes, Location, masked bodies, the custom
// :rotate method, and the Credential permissions, with tokens as the API's callers use them.

import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "@/lib/testing/api-client";
import { addMember, makeOrg, makeToken, makeUser, makeWorkspace } from "@/lib/testing/factories";
import { expectRpcError } from "@/lib/testing/rpc";
import { randomBase62 } from "@/lib/ids";

let token: string;
let base: string;

beforeAll(async () => {
  process.env.CREDENTIALS_KEY = randomBytes(32).toString("base64");
  const owner = await makeUser("Cred API Owner");
  const org = (await makeOrg(owner)).organization_id;
  const ws = (await makeWorkspace(owner, org)).workspace_id;
  token = await makeToken(owner, { organizationId: org });
  base = `/api/v1/organizations/${org}/workspaces/${ws}/oauth-credentials`;
  const viewer = await makeUser("Cred API Viewer");
  await addMember(viewer.id, org, ["org-member"], { id: ws, roles: ["workspace-viewer"] });
  viewerToken = await makeToken(viewer, { organizationId: org });
});

let viewerToken: string;

describe("…/oauth-credentials", () => {
  it("creates (201, Location), reads, lists, rotates and deletes, never answering the secret", async () => {
    const secret = `cs_${randomBase62(40)}`;
    const created = await api.post(base, { token, body: { actor_type: "workspace", name: "crm", configuration: { client_id: "cid", client_secret: secret } } });
    expect(created.status).toBe(201);
    const id = created.body.credential_id;
    expect(created.headers.get("location")).toBe(`${base}/${id}`);
    expect(created.body.configuration).toEqual({ client_id: "cid", client_secret: `********${secret.slice(-4)}` });
    const got = await api.get(`${base}/${id}`, { token });
    expect(got.body).toEqual(created.body);
    const listed = await api.get(base, { token });
    expect(listed.body.oauth_credentials).toEqual([created.body]);
    const newSecret = `cs_${randomBase62(40)}`;
    const rotated = await api.post(`${base}/${id}:rotate`, { token, body: { configuration: { client_id: "cid2", client_secret: newSecret } } });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ credential_id: id, configuration: { client_id: "cid2", client_secret: `********${newSecret.slice(-4)}` } });
    for (const body of [created.body, got.body, listed.body, rotated.body]) {
      expect(JSON.stringify(body)).not.toContain(secret.slice(0, -4));
      expect(JSON.stringify(body)).not.toContain(newSecret.slice(0, -4));
    }
    expect((await api.delete(`${base}/${id}`, { token })).status).toBe(204);
    expectRpcError(await api.get(`${base}/${id}`, { token }), 404, 5, "OAUTH_CREDENTIAL_NOT_FOUND");
  });

  it("a viewer (no read:Credential) is refused every credential operation", async () => {
    expectRpcError(await api.get(base, { token: viewerToken }), 403, 7, "PERMISSION_DENIED");
    expectRpcError(
      await api.post(base, { token: viewerToken, body: { actor_type: "workspace", name: "x", configuration: { client_id: "a", client_secret: "b" } } }),
      403,
      7,
      "PERMISSION_DENIED",
    );
  });

  it("names the field of an invalid body and refuses an unknown verb", async () => {
    const res = await api.post(base, { token, body: { actor_type: "workspace", name: "y", configuration: { client_id: "a" } } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain("configuration.client_secret");
    expect((await api.post(`${base}/cred_${randomBase62(24)}:reveal`, { token, body: {} })).status).toBe(404);
  });
});
