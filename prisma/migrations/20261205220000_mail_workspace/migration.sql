-- An invitation's mail knows its workspace, so deleting the workspace cancels what is still queued
-- for it (like deleting the organization does). NULL for account mail and organization-level
-- invitations, and for mails queued before this column existed.
ALTER TABLE "outbox_mails" ADD COLUMN "workspace_id" TEXT;
