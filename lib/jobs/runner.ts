// The product's job runner, started inside the server process (instrumentation.ts → lib/server-start.ts): every
// JOBS_INTERVAL_MS (default 10 s) it delivers due mails, expires invitations, purges
// workspaces and organizations and ends support access past its expiry. Each job is safe to run on several instances at once (see deliver-mail.ts, purge.ts).

import { db } from "../db";
import { forgetExpiredEndedSessions } from "../auth/ended-sessions";
import { deliverDueMails, noteUndeliveredMails, type DeliveryOptions, type Mailer } from "./deliver-mail";
import { dropStaleAccountTokens, expireInvitations, purgeOrganizations, purgeWorkspaces } from "./purge";
import { smtpMailer } from "./smtp-mailer";
import { endExpiredSupportAccess } from "../domain/preferences/support-access";

export interface JobRunner {
  /** One pass of every job (what each tick does). */
  runOnce(): Promise<void>;
  stop(): void;
}

export interface JobRunnerOptions {
  intervalMs?: number;
  /** Defaults to SMTP over SMTP_URL; none when it is unset. */
  mailer?: Mailer | null;
  log?: (line: string) => void;
}

/** MAIL_LEASE_MS: how long a claimed mail is kept from other workers (a dead worker's mails wait this long). */
function deliveryOptions(): DeliveryOptions {
  const leaseMs = Number(process.env.MAIL_LEASE_MS);
  return Number.isInteger(leaseMs) && leaseMs > 0 ? { leaseMs } : {};
}

export function startJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const intervalMs = options.intervalMs ?? Number(process.env.JOBS_INTERVAL_MS ?? 10_000);
  const log = options.log ?? ((line: string) => console.log(line));
  const mailer = options.mailer !== undefined ? options.mailer : process.env.SMTP_URL ? smtpMailer(process.env.SMTP_URL) : null;
  let running: Promise<void> | null = null;

  async function pass(): Promise<void> {
    const prisma = await db();
    const steps: [string, () => Promise<unknown>][] = [
      ["mail", async () => (mailer ? deliverDueMails(prisma, mailer, deliveryOptions()) : noteUndeliveredMails(prisma, log))],
      ["invitations", () => expireInvitations(prisma)],
      ["purge", async () => {
        const purged = await purgeWorkspaces(prisma);
        if (purged.length) log(`[jobs] purged ${purged.length} workspace(s)`);
      }],
      ["purge-organizations", async () => {
        const purged = await purgeOrganizations(prisma);
        if (purged.length) log(`[jobs] purged ${purged.length} organization(s)`);
      }],
      ["account-tokens", () => dropStaleAccountTokens(prisma)],
      ["ended-sessions", () => forgetExpiredEndedSessions()],
      ["support-access", async () => {
        const ended = await endExpiredSupportAccess(new Date(), prisma);
        if (ended) log(`[jobs] ended ${ended} expired support grant(s)`);
      }],
    ];
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (error) {
        // One failing job (database briefly down, SMTP unreachable) must not stop the others.
        log(`[jobs] ${name} failed: ${describeError(error)}`);
      }
    }
  }

  const runOnce = () => (running ??= pass().finally(() => (running = null)));
  const timer = setInterval(() => void runOnce(), intervalMs);
  timer.unref?.();
  return {
    runOnce,
    stop: () => clearInterval(timer),
  };
}

/**
 * One line naming what went wrong. Some driver errors carry no message (a connection refused or
 * reset reports only its code), so the name and code stand in rather than an empty line.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error) || "unknown error";
  const message = error.message.split("\n")[0].trim();
  const code = (error as { code?: unknown }).code;
  const codeText = typeof code === "string" || typeof code === "number" ? String(code) : "";
  if (!message) return [error.name, codeText].filter(Boolean).join(" ") || "unknown error";
  return codeText && !message.includes(codeText) ? `${message} (${codeText})` : message;
}
