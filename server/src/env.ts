import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The only module that reads process.env: everything else receives a typed Config. */
const envSchema = z.object({
  PORT: wholeNumber(0, 65535, 3000),
  HOST: z.string().min(1, 'не может быть пустым').default('127.0.0.1'),
  PD_DESK_DATA: z.string().min(1, 'не может быть пустым').default('./data'),
  /** Attachment and document files; several instances over one PostgreSQL must share this folder. */
  PD_DESK_FILES_DIR: z.string().min(1, 'не может быть пустым').optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'должен начинаться с postgres:// или postgresql://')
    .optional(),
  PD_DESK_TIME_ZONE: z
    .string()
    .default('Asia/Yekaterinburg')
    .refine(isKnownTimeZone, 'неизвестный часовой пояс (пример: Asia/Yekaterinburg)'),
  PD_DESK_LOG_LEVEL: z.enum(LOG_LEVELS, { error: `должен быть одним из: ${LOG_LEVELS.join(', ')}` }).default('info'),
  PD_DESK_SESSION_IDLE_MINUTES: wholeNumber(1, 24 * 60, 30),
  PD_DESK_SESSION_MAX_HOURS: wholeNumber(1, 24 * 7, 12),
  /** Set when a TLS proxy terminates HTTPS in front of PD Desk: cookies then carry Secure. */
  PD_DESK_SECURE_COOKIES: flag(false),
  PD_DESK_WEB_DIST: z.string().optional(),
  /** `false`: an empty database stays empty (no demo users, subjects or cases). */
  PD_DESK_DEMO: flag(true),
  /** The audit chain's HMAC key as hex; without it a key file is used (ADR 0009). */
  PD_DESK_AUDIT_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64,}$/, 'не короче 64 шестнадцатеричных символов (например: openssl rand -hex 32)')
    .optional(),
  PD_DESK_AUDIT_KEY_FILE: z.string().min(1, 'не может быть пустым').optional(),
  PD_DESK_AUDIT_ANCHOR_FILE: z.string().min(1, 'не может быть пустым').optional(),
  PD_DESK_AUDIT_ANCHOR_URL: z
    .url({ protocol: /^https?$/, error: 'должен быть адресом http:// или https://' })
    .optional(),
  PD_DESK_BACKUP_DIR: z.string().min(1, 'не может быть пустым').optional(),
  PD_DESK_BACKUP_KEEP: wholeNumber(1, 365, 7),
  PD_DESK_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'ожидается адрес вида smtp://user:password@host:587 или smtps://…' })
    .optional(),
  PD_DESK_MAIL_FROM: z.email({ error: 'ожидается адрес электронной почты отправителя' }).optional(),
  PD_DESK_OUTBOX_DIR: z.string().min(1).optional(),
  /** The folder a network scanner saves into: the intake screen offers its new files for the next letter. */
  PD_DESK_SCANNER_DIR: z.string().min(1, 'не может быть пустым').optional(),
});

/** One Russian message for every way a number can be wrong (zod's own defaults are English). */
function wholeNumber(min: number, max: number, fallback: number) {
  const message = `должен быть целым числом от ${min} до ${max}`;
  return z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).default(fallback);
}

function flag(fallback: boolean) {
  return z
    .enum(['true', 'false', '1', '0'], { error: 'должен быть true или false' })
    .default(fallback ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  /** The file store's root (ADR 0012): PD_DESK_FILES_DIR, or `files` in the data folder. */
  filesDir: string;
  databaseUrl: string | undefined;
  timeZone: string;
  logLevel: z.infer<typeof envSchema>['PD_DESK_LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  webDist: string;
  demo: boolean;
  /** Hex HMAC key from the environment; when absent, `auditKeyFile` holds it. Never logged. */
  auditKeyHex: string | undefined;
  /** Outside the data folder on purpose: a copy of PD_DESK_DATA alone cannot re-sign the chain. */
  auditKeyFile: string;
  auditAnchorFile: string | undefined;
  auditAnchorUrl: string | undefined;
  /** Daily backups and the admin's button write here; unset = no scheduled backups. */
  backupDir: string | undefined;
  backupKeep: number;
  /** Breach notifications go through this SMTP server; unset = written as .eml into `outboxDir`. */
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
  outboxDir: string;
  /** Unset: the intake screen has no «из папки сканера» option. */
  scannerDir: string | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Messages name no variable: each line below is prefixed with the variable it is about.
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ошибка в настройках окружения:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.PD_DESK_DATA);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    filesDir: path.resolve(e.PD_DESK_FILES_DIR ?? path.join(dataDir, 'files')),
    databaseUrl: e.DATABASE_URL,
    timeZone: e.PD_DESK_TIME_ZONE,
    logLevel: e.PD_DESK_LOG_LEVEL,
    sessionIdleMinutes: e.PD_DESK_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.PD_DESK_SESSION_MAX_HOURS,
    secureCookies: e.PD_DESK_SECURE_COOKIES,
    webDist: path.resolve(e.PD_DESK_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
    demo: e.PD_DESK_DEMO,
    auditKeyHex: e.PD_DESK_AUDIT_KEY?.toLowerCase(),
    auditKeyFile: path.resolve(e.PD_DESK_AUDIT_KEY_FILE ?? path.join(path.dirname(dataDir), 'pd-desk-audit.key')),
    auditAnchorFile: e.PD_DESK_AUDIT_ANCHOR_FILE && path.resolve(e.PD_DESK_AUDIT_ANCHOR_FILE),
    auditAnchorUrl: e.PD_DESK_AUDIT_ANCHOR_URL,
    backupDir: e.PD_DESK_BACKUP_DIR && path.resolve(e.PD_DESK_BACKUP_DIR),
    backupKeep: e.PD_DESK_BACKUP_KEEP,
    smtpUrl: e.PD_DESK_SMTP_URL,
    mailFrom: e.PD_DESK_MAIL_FROM,
    outboxDir: path.resolve(e.PD_DESK_OUTBOX_DIR ?? path.join(dataDir, 'outbox')),
    scannerDir: e.PD_DESK_SCANNER_DIR && path.resolve(e.PD_DESK_SCANNER_DIR),
  };
}

/**
 * Where the user ran `pnpm pd-desk …`: pnpm starts the CLI inside server/ and says where it was called from
 * in INIT_CWD, so file arguments resolve as the user typed them.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ?? process.cwd();
}
