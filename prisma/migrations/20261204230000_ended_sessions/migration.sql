-- CreateTable
CREATE TABLE "ended_sessions" (
    "id" TEXT NOT NULL,
    "expire_time" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ended_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ended_sessions_expire_time_idx" ON "ended_sessions"("expire_time");
