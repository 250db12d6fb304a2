-- Invitations: DECLINED, per-organization lifetime. Outbox: delivery state for the job runner
-- (`error` becomes `last_error`, keeping its data). Users: a credential version for sessions.
-- Account tokens: email verification and password reset links, stored hashed.

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('EMAIL_VERIFICATION', 'PASSWORD_RESET');

-- AlterEnum
ALTER TYPE "InvitationState" ADD VALUE 'DECLINED';

-- AlterTable
ALTER TABLE "invitations" ADD COLUMN     "decline_time" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "invitation_ttl_hours" INTEGER NOT NULL DEFAULT 168;

-- AlterTable
ALTER TABLE "outbox_mails" RENAME COLUMN "error" TO "last_error";
ALTER TABLE "outbox_mails" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "next_attempt_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "organization_id" TEXT,
ADD COLUMN     "status" "MailStatus" NOT NULL DEFAULT 'QUEUED',
ADD COLUMN     "update_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Mails written before this migration were all invitations; those already sent stay sent.
UPDATE "outbox_mails" SET "kind" = 'invitation', "status" = CASE WHEN "sent_time" IS NULL THEN 'QUEUED'::"MailStatus" ELSE 'SENT'::"MailStatus" END;

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "credential_version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "account_tokens" (
    "id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "email" TEXT NOT NULL,
    "token_hash" TEXT NOT NULL,
    "create_time" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expire_time" TIMESTAMPTZ(3) NOT NULL,
    "used_time" TIMESTAMPTZ(3),

    CONSTRAINT "account_tokens_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "account_tokens_token_hash_key" ON "account_tokens"("token_hash");

-- CreateIndex
CREATE INDEX "account_tokens_user_id_purpose_idx" ON "account_tokens"("user_id", "purpose");

-- CreateIndex
CREATE INDEX "invitations_state_expire_time_idx" ON "invitations"("state", "expire_time");

-- CreateIndex
CREATE INDEX "outbox_mails_status_next_attempt_time_idx" ON "outbox_mails"("status", "next_attempt_time");

-- CreateIndex
CREATE INDEX "outbox_mails_organization_id_create_time_id_idx" ON "outbox_mails"("organization_id", "create_time" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "workspaces_purge_time_idx" ON "workspaces"("purge_time");

-- AddForeignKey
ALTER TABLE "account_tokens" ADD CONSTRAINT "account_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
