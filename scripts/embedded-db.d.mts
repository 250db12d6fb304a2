// Types for scripts/embedded-db.mjs (plain ESM so that it runs without a TypeScript loader).
import type { ChildProcess } from "node:child_process";
export interface EmbeddedDatabaseProcess {
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}
export declare function startEmbeddedDatabase(options?: { dir?: string }): Promise<EmbeddedDatabaseProcess>;
