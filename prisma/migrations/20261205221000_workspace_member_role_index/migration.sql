-- The member list's `role = "…"` filter reads one workspace's members holding a role. The GIN
-- index on roles alone cannot serve it where the role is common across workspaces (every
-- workspace has an admin: at 200,000 workspaces two thirds of all memberships hold
-- workspace-admin), so the count of a 100,000-member workspace's admins was a sequential scan of
-- every membership (~130 ms). Keyed by workspace and role together, the index finds exactly the
-- workspace's holders of the role. btree_gin (the GIN operator class for the text key) ships with
-- PostgreSQL (a trusted extension since 13) and with PGlite's contrib bundle, which
-- lib/embedded-db-folder.mjs loads.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- CreateIndex
CREATE INDEX "workspace_members_workspace_id_roles_idx" ON "workspace_members" USING GIN ("workspace_id" text_ops, "roles");
