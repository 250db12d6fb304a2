-- OAuth credentials name the key their configuration is sealed with, so keys can be rotated
-- (CREDENTIALS_KEY seals, CREDENTIALS_KEYS keeps older keys readable until `credentials:reseal`).
-- No earlier version wrote this table; a row that somehow exists gets the empty key id, which
-- the startup check reports as sealed under an unknown key.
ALTER TABLE "oauth_credentials" ADD COLUMN "key_id" TEXT NOT NULL DEFAULT '';
ALTER TABLE "oauth_credentials" ALTER COLUMN "key_id" DROP DEFAULT;

CREATE INDEX "oauth_credentials_key_id_idx" ON "oauth_credentials"("key_id");

-- A credential's name is unique within its workspace.
CREATE UNIQUE INDEX "oauth_credentials_workspace_id_name_key" ON "oauth_credentials"("workspace_id", "name");
