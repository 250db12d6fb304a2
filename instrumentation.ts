// Next.js calls register() once when a server instance starts (`next start`, also without
// scripts/start.ts). An instance that could not open the stored OAuth credentials must not start
// serving; then the job runner (mail delivery, invitation expiry, workspace purge, support-access expiry) starts in the
// server process. JOBS=off turns the runner off (e.g. on instances that should only serve
// requests; any other instance's runner does the work).

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkCredentialsKey } = await import("./lib/domain/credentials/check-credentials-key");
  const { db } = await import("./lib/db");
  try {
    await checkCredentialsKey(await db());
  } catch (error) {
    const e = error as Error;
    if (e.name === "CredentialsKeyError") {
      console.error(`Refusing to start: ${e.message}`);
      process.exit(1);
    }
    // The database is not reachable yet: /api/ready reports that; the check cannot run now.
    console.error(`Could not check the OAuth credentials key at start (${e.name}); continuing.`);
  }
  const { openRateLimitStore } = await import("./lib/api/rate-limit");
  await openRateLimitStore();
  if (process.env.JOBS === "off") return;
  const { startJobRunner } = await import("./lib/jobs/runner");
  const runner = startJobRunner();
  void runner.runOnce();
}
