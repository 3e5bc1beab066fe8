import path from 'node:path';
import { z } from 'zod';

/** The only module that reads process.env: everything else receives a typed Config. */
const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT должен быть числом' })
    .int()
    .min(0)
    .max(65535, 'PORT должен быть от 0 до 65535')
    .default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PD_DESK_DATA: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL должен начинаться с postgres:// или postgresql://')
    .optional(),
  PD_DESK_TIME_ZONE: z
    .string()
    .default('Asia/Yekaterinburg')
    .refine(isKnownTimeZone, 'PD_DESK_TIME_ZONE: неизвестный часовой пояс (пример: Asia/Yekaterinburg)'),
  PD_DESK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PD_DESK_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  PD_DESK_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  /** Set when a TLS proxy terminates HTTPS in front of PD Desk: cookies then carry Secure. */
  PD_DESK_SECURE_COOKIES: z
    .enum(['true', 'false', '1', '0'])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  PD_DESK_WEB_DIST: z.string().optional(),
});

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
  databaseUrl: string | undefined;
  timeZone: string;
  logLevel: z.infer<typeof envSchema>['PD_DESK_LOG_LEVEL'];
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  webDist: string;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Ошибка в настройках окружения:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.PD_DESK_DATA),
    databaseUrl: e.DATABASE_URL,
    timeZone: e.PD_DESK_TIME_ZONE,
    logLevel: e.PD_DESK_LOG_LEVEL,
    sessionIdleMinutes: e.PD_DESK_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.PD_DESK_SESSION_MAX_HOURS,
    secureCookies: e.PD_DESK_SECURE_COOKIES,
    webDist: path.resolve(e.PD_DESK_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist')),
  };
}
