// Many rows at once for tests that need volume (page-size limits, 1000-id counts): one
// INSERT … SELECT generate_series instead of a domain call per row.

import { randomBase62 } from "../ids";
import { db } from "../db";

/**
 * Inserts `count` ACTIVE workspaces titled `<prefix> 00001…` into an organization, each with
 * `creatorId` as its workspace admin, created one millisecond apart. Returns their ids in order.
 */
export async function bulkInsertWorkspaces(organizationId: string, creatorId: string, count: number, prefix = `Bulk ${randomBase62(6)}`): Promise<string[]> {
  const prisma = await db();
  const tag = randomBase62(12);
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO workspaces (id, organization_id, title, active_title_key, data_policy, creator_id, create_time, update_time)
    SELECT 'ws_' || ${tag} || lpad(i::text, 12, '0'),
           ${organizationId},
           ${prefix} || ' ' || lpad(i::text, 5, '0'),
           lower(${prefix} || ' ' || lpad(i::text, 5, '0')),
           '{"group":"us-west-2","regions":[{"region":"us-west-2","priority":0}],"pii_strategy":"DEFAULT"}'::jsonb,
           ${creatorId},
           timestamptz '2020-01-01T00:00:00Z' + i * interval '1 millisecond',
           timestamptz '2020-01-01T00:00:00Z' + i * interval '1 millisecond'
    FROM generate_series(1, ${count}::int) AS i
    RETURNING id`;
  const ids = rows.map((r) => r.id).sort();
  await prisma.$executeRaw`
    INSERT INTO workspace_members (workspace_id, user_id, roles, create_time, update_time)
    SELECT id, ${creatorId}, ARRAY['workspace-admin'], now(), now() FROM unnest(${ids}::text[]) AS id`;
  return ids;
}
