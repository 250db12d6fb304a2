// The Mailer over SMTP (nodemailer). SMTP_URL: smtp://user:pass@host:port (smtps:// for TLS).

import nodemailer from "nodemailer";
import { appUrl } from "../app-url";
import type { Mailer } from "./deliver-mail";

export function defaultFrom(): string {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  let host = "localhost";
  try {
    host = new URL(appUrl()).hostname;
  } catch {
    /* NEXTAUTH_URL unparsable: the fallback host is fine */
  }
  return `Workspace Admin <no-reply@${host.includes(".") ? host : `${host}.localdomain`}>`;
}

export function smtpMailer(url: string, from = defaultFrom()): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html || undefined, messageId: `<${mail.id}@workspace-admin>` });
    },
    close: () => transport.close(),
  };
}
