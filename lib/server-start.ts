// What a Node server instance does once when it starts (instrumentation.ts's register() imports
// this only in the Node runtime, so the Edge compile of instrumentation.ts never sees Node APIs).
// An instance that could not open the stored OAuth credentials must not start serving; then the
// job runner (mail delivery, invitation expiry, workspace purge, support-access expiry) starts in
// the server process. JOBS=off turns the runner off (e.g. on instances that should only serve
// requests; any other instance's runner does the work).

import { checkCredentialsKey } from "./domain/credentials/check-credentials-key";
import { db } from "./db";

export async function startServerInstance(): Promise<void> {
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
  const { openRateLimitStore } = await import("./api/rate-limit");
  await openRateLimitStore();
  if (process.env.JOBS === "off") return;
  const { startJobRunner } = await import("./jobs/runner");
  const runner = startJobRunner();
  void runner.runOnce();
}
