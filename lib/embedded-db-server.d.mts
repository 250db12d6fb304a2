// Types for lib/embedded-db-server.mjs (plain ESM so that the database process runs it without a TypeScript loader).
import type { AddressInfo } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
export interface EmbeddedDbServer {
  address: AddressInfo | string | null;
  close(): Promise<void>;
}
export declare function serveEmbeddedDb(db: PGlite, listen: string | { host?: string; port?: number }): Promise<EmbeddedDbServer>;
