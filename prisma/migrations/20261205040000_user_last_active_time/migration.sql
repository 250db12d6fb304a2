-- When a user last used the product (an API request or a console page), to within ~15 minutes:
-- lib/domain/users/note-activity.ts writes it at most once per window per user. Null: never seen
-- since this column was added.
ALTER TABLE "users" ADD COLUMN "last_active_time" TIMESTAMPTZ(3);
