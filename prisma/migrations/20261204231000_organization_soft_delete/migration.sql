-- Organizations can be soft deleted by their owner and restored for 30 days; the job runner
-- then purges what they held and marks the row (kept for its audit entries) as purged.
ALTER TABLE "organizations" ADD COLUMN "delete_time" TIMESTAMPTZ(3);
ALTER TABLE "organizations" ADD COLUMN "purge_time" TIMESTAMPTZ(3);
ALTER TABLE "organizations" ADD COLUMN "purged_time" TIMESTAMPTZ(3);

CREATE INDEX "organizations_purge_time_idx" ON "organizations"("purge_time");
