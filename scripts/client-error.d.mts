// Types for scripts/client-error.mjs (plain ESM so that it runs without a TypeScript loader).
import type { Duplex } from "node:stream";
export declare function answerClientError(error: Error & { code?: string }, socket: Duplex): void;
