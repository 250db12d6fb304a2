// Next.js calls register() once when the server starts: the job runner (mail delivery, invitation
// expiry, workspace purge) lives in the server process. JOBS=off turns it off (e.g. on instances
// that should only serve requests; any other instance's runner does the work).

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.JOBS === "off") return;
  const { startJobRunner } = await import("./lib/jobs/runner");
  const runner = startJobRunner();
  void runner.runOnce();
}
