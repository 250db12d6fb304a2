-- AlterTable
ALTER TABLE "workspace_preferences" ADD COLUMN     "support_access_expire_time" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "workspace_preferences_support_access_expire_time_idx" ON "workspace_preferences"("support_access_expire_time");

-- CreateIndex
CREATE INDEX "audit_log_entries_organization_id_action_create_time_id_idx" ON "audit_log_entries"("organization_id", "action", "create_time" DESC, "id" DESC);
