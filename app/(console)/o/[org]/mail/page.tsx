import type { Metadata } from "next";
import { LocalTime } from "@/components/local-time";
import { ErrorState } from "@/components/states";
import { listOutboxMails } from "@/lib/domain/mail/list-outbox-mails";
import { MAIL_STATUSES } from "@/lib/schemas/mail";
import { gate } from "@/lib/operations/gates";
import { ListOutboxMails } from "@/lib/operations/invitations";
import { requireConsoleOrg } from "../_lib/console-org";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Mail" };

const STATUS_STYLE: Record<string, string> = {
  QUEUED: "bg-surface-2 text-fg ring-border",
  SENT: "bg-emerald-50 text-emerald-900 ring-emerald-300 dark:bg-emerald-400/10 dark:text-emerald-100 dark:ring-emerald-700",
  FAILED: "bg-danger-bg text-danger ring-red-300 dark:ring-red-900",
  CANCELLED: "bg-surface-2 text-muted ring-border",
};

/** The organization's outbox (its invitation mails), for its admins: status, attempts, error, a preview. */
export default async function MailPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { org } = await params;
  const status = String((await searchParams).status ?? "");
  const { ctx, access } = await requireConsoleOrg(org, `/o/${org}/mail`);
  const view = gate(access, ListOutboxMails);
  if (!view.can) {
    return <ErrorState title="Only organization admins see the outbox" message={view.reason} requestId={ctx.requestId} />;
  }
  const filter = (MAIL_STATUSES as readonly string[]).includes(status) ? `status = "${status}"` : "";
  const { mails } = await listOutboxMails(ctx, access, { page_size: "100", filter });
  const smtp = Boolean(process.env.SMTP_URL);
  return (
    <section aria-labelledby="mail-heading" className="space-y-4">
      <div>
        <h1 id="mail-heading" className="text-xl font-semibold tracking-tight">
          Mail
        </h1>
        <p className="mt-1 text-sm text-muted">
          {smtp
            ? "Mails are delivered over SMTP by the server&apos;s job runner; failed deliveries are retried with back-off."
            : "SMTP is not configured (SMTP_URL): mails stay here, queued, and are sent once it is."}{" "}
          The newest 100 mails of this organization are shown; a delivered mail&apos;s link is removed from its copy here.
        </p>
      </div>
      <nav aria-label="Mail status" className="flex flex-wrap gap-2 text-sm">
        {["", ...MAIL_STATUSES].map((s) => (
          <a
            key={s || "all"}
            href={s ? `/o/${org}/mail?status=${s}` : `/o/${org}/mail`}
            aria-current={s === (filter ? status : "") ? "page" : undefined}
            className={`rounded-full border px-3 py-1 ${s === (filter ? status : "") ? "border-accent font-medium" : "border-border text-muted hover:text-fg"}`}
          >
            {s ? s.charAt(0) + s.slice(1).toLowerCase() : "All"}
          </a>
        ))}
      </nav>
      {mails.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted">No mails.</p>
      ) : (
        <ul aria-label="Mails" className="divide-y divide-border rounded-lg border border-border">
          {mails.map((m) => (
            <li key={m.mail_id}>
              <details className="group px-4 py-3">
                <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                  <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[m.status]}`}>{m.status.toLowerCase()}</span>
                  <span className="min-w-0 truncate font-medium" title={m.to}>{m.to}</span>
                  <span className="min-w-0 flex-1 truncate text-muted" title={m.subject}>{m.subject}</span>
                  <span className="text-xs text-muted">
                    <LocalTime iso={m.create_time} format="datetime" />
                  </span>
                </summary>
                <div className="mt-3 space-y-2 text-sm">
                  <p className="text-muted">
                    Kind: {m.kind || "mail"} · attempts: {m.attempts}
                    {m.sent_time ? (
                      <>
                        {" "}· sent <LocalTime iso={m.sent_time} format="datetime" />
                      </>
                    ) : null}
                  </p>
                  {m.last_error ? <p className="text-danger">Last error: {m.last_error}</p> : null}
                  <pre className="max-h-64 overflow-auto rounded-md bg-surface-2 p-3 text-xs whitespace-pre-wrap">{m.text}</pre>
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
