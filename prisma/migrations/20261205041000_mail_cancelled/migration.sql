-- A queued mail of an organization that is deleted is cancelled, not sent: it ends as CANCELLED
-- with the reason in last_error (a restore does not send it; the admins resend what still matters).
ALTER TYPE "MailStatus" ADD VALUE 'CANCELLED';
