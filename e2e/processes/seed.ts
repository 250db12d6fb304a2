// Seeds a disposable database for the process suites (e2e/api/*-process specs) in one process:
// `tsx --conditions=react-server e2e/processes/seed.ts a b c` with DATABASE_URL set creates the
// database, migrates it, makes users a, b, c (the first owns one organization with one
// workspace), a full-access token for each, and prints the result as JSON on its last line.

import { migrate } from "../../scripts/migrate.mjs";
import { createPrismaClient } from "../../lib/prisma-client";
import { provideDb } from "../../lib/db";
import { contextOf, makeOrg, makeToken, makeUser, makeWorkspace } from "../../lib/testing/factories";

const url = process.env.DATABASE_URL!;
await migrate(url);
const client = await createPrismaClient(url);
provideDb(client.prisma);
const people: Record<string, { id: string; email: string; password: string; token: string }> = {};
for (const name of process.argv.slice(2)) {
  const user = await makeUser(name);
  people[name] = { id: user.id, email: user.email, password: user.password, token: await makeToken(user) };
}
const ownerName = process.argv[2];
const owner = people[ownerName];
const ownerUser = { ...owner, displayName: ownerName, ctx: contextOf({ id: owner.id, email: owner.email, displayName: ownerName }) };
const orgId = (await makeOrg(ownerUser, "Process Org")).organization_id;
const workspaceId = (await makeWorkspace(ownerUser, orgId, { title: "Process Workspace" })).workspace_id;
await client.close();
console.log(JSON.stringify({ orgId, workspaceId, people }));
