// Types for lib/embedded-db-folder.mjs (plain ESM so that the database process runs it without a TypeScript loader).
import type { Extensions } from "@electric-sql/pglite";
export declare function embeddedDataDir(): string;
export declare function embeddedDbHolder(dir?: string): number | undefined;
export declare class EmbeddedDbBusyError extends Error {
  readonly dir: string;
  readonly pid: number;
  constructor(dir: string, pid: number);
}
export declare function takeLock(dir: string): () => void;
export declare function embeddedExtensions(): Promise<Extensions>;
