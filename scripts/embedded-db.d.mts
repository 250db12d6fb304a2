// Types for scripts/embedded-db.mjs (plain ESM so that it runs without a TypeScript loader).
import type { Worker } from "node:worker_threads";
export interface EmbeddedDatabase {
  url: string;
  worker: Worker;
  stop(): Promise<void>;
}
export declare function startEmbeddedDatabase(options?: { dir?: string }): Promise<EmbeddedDatabase>;
