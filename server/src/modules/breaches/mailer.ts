import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Config } from '../../env';

export type MailMessage = { id: string; to: string; subject: string; text: string };
/** `emailed`: handed to the SMTP server; `outbox`: written as .eml for someone to send. */
export type MailOutcome = 'emailed' | 'outbox';

export interface Mailer {
  send(message: MailMessage): Promise<MailOutcome>;
}

/**
 * SMTP when PD_DESK_SMTP_URL is set; otherwise every message becomes `<id>.eml` in the outbox folder
 * (0700), created exclusively so the same notification is never written twice.
 */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'outboxDir'>): Mailer {
  const from = config.mailFrom ?? 'pd-desk@localhost';
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
        return 'emailed';
      },
    };
  }
  const eml = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await eml.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      await fs.mkdir(config.outboxDir, { recursive: true, mode: 0o700 });
      await fs.writeFile(path.join(config.outboxDir, `${message.id}.eml`), info.message as Buffer, {
        flag: 'wx',
        mode: 0o600,
      });
      return 'outbox';
    },
  };
}
