// Types for scripts/migrate.mjs (plain ESM so that it runs without a TypeScript loader).
export declare const DEFAULT_MIGRATIONS_DIR: string;
export declare function migrate(url: string, options?: { migrationsDir?: string }): Promise<{ created: boolean; applied: string[] }>;
