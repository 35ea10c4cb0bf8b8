import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** Stable per message, so a mail resent after a crash can be recognised as the same one. */
  messageId?: string;
}

export interface Mailer {
  /** False when SMTP_URL is empty: nothing is queued for mail then. */
  readonly enabled: boolean;
  /** Sends one mail; throws when the SMTP server refuses it or cannot be reached (the outbox retries). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer, one connection per mail (nothing to keep alive between a few notifications). */
export function createMailer(o: { smtpUrl: string; from: string }): Mailer {
  if (!o.smtpUrl) {
    return { enabled: false, send: async () => { throw new Error('mail is disabled (SMTP_URL is empty)'); }, close: () => undefined };
  }
  const transport = nodemailer.createTransport(o.smtpUrl, { from: o.from });
  transport.set('connectionTimeout', 10_000);
  return {
    enabled: true,
    async send(mail) {
      await transport.sendMail({
        to: mail.to, subject: mail.subject, text: mail.text, html: mail.html,
        ...(mail.headers ? { headers: mail.headers } : {}),
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
      });
    },
    close: () => transport.close(),
  };
}

/** MAIL_FROM, or parley@ the host readers reach Parley at. */
export function defaultFrom(mailFrom: string, publicUrl: string): string {
  return mailFrom || `Parley <parley@${new URL(publicUrl).hostname}>`;
}
