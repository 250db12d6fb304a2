-- Trigram indexes for the member lists' `search : "…"` filter (ILIKE '%…%' on name and email).
-- pg_trgm ships with PostgreSQL (a trusted extension since 13) and with PGlite's contrib bundle,
-- which lib/embedded-db.ts loads.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "users_display_name_trgm_idx" ON "users" USING GIN ("display_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "users_email_trgm_idx" ON "users" USING GIN ("email" gin_trgm_ops);
