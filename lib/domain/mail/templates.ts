// The product's mails, each as plain text and HTML. Every value that came from a user (names,
// titles) is escaped in the HTML body; links are built from NEXTAUTH_URL only.

import { appUrl } from "../../app-url";

export type MailKind = "invitation" | "email_verification" | "password_reset" | "account_exists" | "sign_in_lockout";

export interface ComposedMail {
  kind: MailKind;
  to: string;
  subject: string;
  text: string;
  html: string;
}

const HTML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITY[c]);
}

/** Subjects are one line: a title with a newline must not start a new header. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, " ").trim();
}

function formatTime(d: Date): string {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

function htmlPage(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 16px">${p}</p>`).join("\n");
  return [
    "<!doctype html>",
    '<html><body style="font-family:system-ui,sans-serif;font-size:15px;line-height:1.5;color:#111">',
    body,
    `<p style="margin:24px 0"><a href="${escapeHtml(link.href)}" style="background:#4f46e5;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>`,
    `<p style="margin:0;color:#555;font-size:13px">Or open this link: ${escapeHtml(link.href)}</p>`,
    "</body></html>",
  ].join("\n");
}

export interface InvitationMailInput {
  to: string;
  token: string;
  inviterName: string;
  inviterEmail: string;
  organizationTitle: string;
  /** Absent for an invitation to the organization alone. */
  workspaceTitle?: string;
  roleTitles: string[];
  expireTime: Date;
}

export const invitationLink = (token: string) => `${appUrl()}/invite/${token}`;

export function invitationMail(m: InvitationMailInput): ComposedMail {
  const link = invitationLink(m.token);
  const target = m.workspaceTitle ? `the workspace "${m.workspaceTitle}" of ${m.organizationTitle}` : `the organization ${m.organizationTitle}`;
  const roles = m.roleTitles.length ? m.roleTitles.join(", ") : "member";
  const expires = formatTime(m.expireTime);
  return {
    kind: "invitation",
    to: m.to,
    subject: oneLine(`${m.inviterName} invited you to ${m.workspaceTitle ?? m.organizationTitle}`),
    text: [
      `${m.inviterName} (${m.inviterEmail}) invited you to ${target}.`,
      `Your role: ${roles}.`,
      "",
      `Accept the invitation: ${link}`,
      "",
      `The link works once and expires on ${expires}. If you did not expect this invitation, ignore this mail.`,
    ].join("\n"),
    html: htmlPage(
      [
        `<strong>${escapeHtml(m.inviterName)}</strong> (${escapeHtml(m.inviterEmail)}) invited you to ${
          m.workspaceTitle
            ? `the workspace <strong>${escapeHtml(m.workspaceTitle)}</strong> of ${escapeHtml(m.organizationTitle)}`
            : `the organization <strong>${escapeHtml(m.organizationTitle)}</strong>`
        }.`,
        `Your role: ${escapeHtml(roles)}.`,
        `The link works once and expires on ${escapeHtml(expires)}. If you did not expect this invitation, ignore this mail.`,
      ],
      { href: link, label: "Accept the invitation" },
    ),
  };
}

export const verificationLink = (token: string) => `${appUrl()}/verify-email/${token}`;

export function verificationMail(to: string, displayName: string, token: string, expireTime: Date): ComposedMail {
  const link = verificationLink(token);
  return {
    kind: "email_verification",
    to,
    subject: "Confirm your email address",
    text: [
      `Hello ${displayName},`,
      "",
      `Confirm that ${to} is your address: ${link}`,
      "",
      `The link works once and expires on ${formatTime(expireTime)}.`,
    ].join("\n"),
    html: htmlPage(
      [`Hello ${escapeHtml(displayName)},`, `Confirm that ${escapeHtml(to)} is your address. The link works once and expires on ${escapeHtml(formatTime(expireTime))}.`],
      { href: link, label: "Confirm my address" },
    ),
  };
}

export const passwordResetLink = (token: string) => `${appUrl()}/reset-password/${token}`;

export function passwordResetMail(to: string, token: string, expireTime: Date): ComposedMail {
  const link = passwordResetLink(token);
  return {
    kind: "password_reset",
    to,
    subject: "Reset your password",
    text: [
      `Someone asked to reset the password of the account ${to}.`,
      "",
      `Choose a new password: ${link}`,
      "",
      `The link works once and expires on ${formatTime(expireTime)}. Setting a new password signs out every other session.`,
      "If you did not ask for this, ignore this mail: your password stays as it is.",
    ].join("\n"),
    html: htmlPage(
      [
        `Someone asked to reset the password of the account ${escapeHtml(to)}.`,
        `The link works once and expires on ${escapeHtml(formatTime(expireTime))}. Setting a new password signs out every other session.`,
        "If you did not ask for this, ignore this mail: your password stays as it is.",
      ],
      { href: link, label: "Choose a new password" },
    ),
  };
}

/** Sent when someone signs up with an address that already has an account. */
export function accountExistsMail(to: string): ComposedMail {
  const signIn = `${appUrl()}/login`;
  const forgot = `${appUrl()}/forgot-password`;
  return {
    kind: "account_exists",
    to,
    subject: "You already have an account",
    text: [
      `Someone tried to create an account with ${to}, which already has one.`,
      "",
      `If it was you, sign in: ${signIn}`,
      `Forgot your password? ${forgot}`,
      "",
      "If it was not you, ignore this mail: nothing changed.",
    ].join("\n"),
    html: htmlPage(
      [
        `Someone tried to create an account with ${escapeHtml(to)}, which already has one.`,
        `Forgot your password? <a href="${escapeHtml(forgot)}">Reset it</a>.`,
        "If it was not you, ignore this mail: nothing changed.",
      ],
      { href: signIn, label: "Sign in" },
    ),
  };
}

/** To the owner of an account whose sign-ins are being held back after repeated wrong passwords. */
export function signInLockoutMail(to: string, ip: string, time: Date): ComposedMail {
  const forgot = `${appUrl()}/forgot-password`;
  const from = ip ? ` from the address ${ip}` : "";
  return {
    kind: "sign_in_lockout",
    to,
    subject: "Repeated failed sign-ins to your account",
    text: [
      `Several wrong passwords were tried for the account ${to}${from}, most recently at ${formatTime(time)}.`,
      "Sign-ins to the account are slowed down for a while; the right password still works once the wait has passed.",
      "",
      `If it was not you, choose a new password: ${forgot}`,
      "",
      "You get this mail at most once an hour while the attempts go on.",
    ].join("\n"),
    html: htmlPage(
      [
        `Several wrong passwords were tried for the account ${escapeHtml(to)}${escapeHtml(from)}, most recently at ${escapeHtml(formatTime(time))}.`,
        "Sign-ins to the account are slowed down for a while; the right password still works once the wait has passed.",
        "If it was not you, choose a new password. You get this mail at most once an hour while the attempts go on.",
      ],
      { href: forgot, label: "Choose a new password" },
    ),
  };
}
