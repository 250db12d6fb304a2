-- Indexes that let the member lists stop after one page: organization admins found through
-- their roles, members ordered by display name or update time.

-- CreateIndex
CREATE INDEX "organization_members_roles_idx" ON "organization_members" USING GIN ("roles");

-- CreateIndex
CREATE INDEX "users_display_name_id_idx" ON "users"("display_name", "id");

-- CreateIndex
CREATE INDEX "workspace_members_workspace_id_update_time_user_id_idx" ON "workspace_members"("workspace_id", "update_time" DESC, "user_id" DESC);
