// The operator CLI: `npm run cli -- <command> [--flags]`. Bootstrapping and scripting against the
// same domain layer as the API. Results go to stdout (the token alone on the last line for
// token:create); messages to stderr. Bad arguments exit 2, failures exit 1.

import { parseArgs } from "node:util";
import { randomUUID } from "node:crypto";
import { createPrismaClient } from "../lib/prisma-client";
import { provideDb } from "../lib/db";
import { ApiError } from "../lib/api/errors";
import type { RequestContext } from "../lib/auth/context";
import { EmbeddedDbBusyError } from "../lib/embedded-db";

type Flags = Record<string, string | undefined>;

interface Command {
  usage: string;
  flags: Record<string, { required: boolean }>;
  run(flags: Flags): Promise<string[]>;
}

class UsageError extends Error {}

async function contextFor(email: string): Promise<RequestContext> {
  const { db } = await import("../lib/db");
  const prisma = await db();
  const user = await prisma.user.findUnique({
    where: { email: email.trim().toLowerCase() },
    select: { id: true, email: true, displayName: true },
  });
  if (!user) throw new UsageError(`No user with email ${email}. Create one with: npm run cli -- user:create`);
  return {
    caller: { userId: user.id, email: user.email, displayName: user.displayName },
    requestId: `cli_${randomUUID().replaceAll("-", "")}`,
    ip: "",
    userAgent: "workspace-admin-cli",
  };
}

const commands: Record<string, Command> = {
  "user:create": {
    usage: "user:create --email E --name N --password P   prints the new user's id",
    flags: { email: { required: true }, name: { required: true }, password: { required: true } },
    async run(f) {
      const { createUser } = await import("../lib/domain/users/create-user");
      const user = await createUser({ email: f.email!, display_name: f.name!, password: f.password! });
      return [user.id];
    },
  },
  "org:create": {
    usage: "org:create --title T --owner E                prints the new organization's id",
    flags: { title: { required: true }, owner: { required: true } },
    async run(f) {
      const ctx = await contextFor(f.owner!);
      const { createOrganization } = await import("../lib/domain/organizations/create-organization");
      const { OrganizationCreateInput } = await import("../lib/schemas/organizations");
      const { parseWith } = await import("../lib/api/http");
      const org = await createOrganization(ctx, parseWith(OrganizationCreateInput, { title: f.title }));
      return [org.organization_id];
    },
  },
  "token:create": {
    usage:
      "token:create --email E --name N [--org ORG_ID] [--read-only] [--expires RFC3339]\n" +
      "                                               prints the token (once) on the last line",
    flags: { email: { required: true }, name: { required: true }, org: { required: false }, expires: { required: false }, "read-only": { required: false } },
    async run(f) {
      const ctx = await contextFor(f.email!);
      const { createToken } = await import("../lib/domain/tokens/create-token");
      const { OperatorTokenCreateInput } = await import("../lib/schemas/tokens");
      const { parseWith } = await import("../lib/api/http");
      const token = await createToken(
        ctx,
        parseWith(OperatorTokenCreateInput, {
          display_name: f.name!,
          organization_id: f.org,
          expire_time: f.expires,
          access: f["read-only"] !== undefined ? "READ_ONLY" : "FULL",
        }),
      );
      console.error(`Created token ${token.token_id} (${token.access}${token.organization_id ? `, organization ${token.organization_id}` : ", all organizations"}). It is shown only now:`);
      return [token.token];
    },
  },
  "credentials:reseal": {
    usage:
      "credentials:reseal                             re-seals every OAuth credential under CREDENTIALS_KEY\n" +
      "                                               (older keys must be in CREDENTIALS_KEYS until then)",
    flags: {},
    async run() {
      const { resealCredentials } = await import("../lib/domain/credentials/reseal-credentials");
      const report = await resealCredentials();
      console.error(`Re-sealed ${report.resealed} of ${report.total} OAuth credential(s); all are now sealed under key '${report.keyId}'.`);
      return [String(report.resealed)];
    },
  },
};

function usage(): string {
  return ["Usage: npm run cli -- <command> [flags]", "", "Commands:", ...Object.values(commands).map((c) => `  ${c.usage}`)].join("\n");
}

function parse(argv: string[]): { command: Command; flags: Flags } {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") throw new UsageError("");
  const command = commands[name];
  if (!command) throw new UsageError(`Unknown command '${name}'.`);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(
        Object.keys(command.flags).map((k) => [k, { type: k === "read-only" ? ("boolean" as const) : ("string" as const) }]),
      ),
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const flags: Flags = {};
  for (const [k, v] of Object.entries(values)) flags[k] = v === true ? "" : (v as string | undefined);
  const missing = Object.entries(command.flags).filter(([k, d]) => d.required && !flags[k]?.trim()).map(([k]) => `--${k}`);
  if (missing.length) throw new UsageError(`Missing ${missing.join(", ")} for ${name}.`);
  return { command, flags };
}

async function main(): Promise<number> {
  let parsed: { command: Command; flags: Flags };
  try {
    parsed = parse(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) {
      if (e.message) console.error(e.message, "\n");
      console.error(usage());
      return 2;
    }
    throw e;
  }
  let client: Awaited<ReturnType<typeof createPrismaClient>> | undefined;
  try {
    client = await createPrismaClient(process.env.DATABASE_URL);
    provideDb(client.prisma);
    const lines = await parsed.command.run(parsed.flags);
    for (const line of lines) console.log(line);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof ApiError) {
      const violations = e.options.fieldViolations?.map((v) => `  ${v.field}: ${v.description}`) ?? [];
      console.error([e.message, ...violations].join("\n"));
      return e.code === "INVALID_ARGUMENT" ? 2 : 1;
    }
    if (e instanceof EmbeddedDbBusyError) {
      console.error(e.message);
      return 1;
    }
    console.error(`Failed: ${(e as Error).message}`);
    return 1;
  } finally {
    await client?.close().catch(() => undefined);
  }
}

main().then((code) => process.exit(code));
