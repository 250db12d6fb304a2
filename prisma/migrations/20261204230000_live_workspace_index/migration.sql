-- ListWorkspaces' total_size counts an organization's live workspaces once per listing (first
-- page). This partial index holds only live workspaces, keyed by organization, so that count is an
-- index-only scan of the organization's entries and never reads deleted rows or other tenants'.
-- Prisma's schema language cannot express a partial index: it lives here only (see the comment
-- on Workspace in schema.prisma).

-- CreateIndex
CREATE INDEX "workspaces_live_organization_id_idx" ON "workspaces"("organization_id") WHERE "delete_time" IS NULL;
