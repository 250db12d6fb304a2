// Next.js calls register() once when a server instance starts (`next start`, also without
// scripts/start.ts). The work is Node-only and lives in lib/server-start.ts, imported only in the
// Node runtime.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServerInstance } = await import("./lib/server-start");
  await startServerInstance();
}
