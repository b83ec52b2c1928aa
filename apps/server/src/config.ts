import { z } from 'zod';

/**
 * The whole configuration, read once from the environment and validated at start, so a
 * mistake is reported in one clear message instead of surfacing later as a strange failure.
 */
const ConfigSchema = z.object({
  /** TCP port to listen on. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Interface to bind; 0.0.0.0 to accept connections from other machines. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** `sqlite:<path>` (default, embedded) or `postgres://user:pass@host/db`. */
  DATABASE_URL: z
    .string()
    .default('sqlite:./data/guildhall.db')
    .refine((v) => v.startsWith('sqlite:') || /^postgres(ql)?:\/\//.test(v), {
      message: 'must start with sqlite: or postgres://',
    }),
  /** Comma-separated email domains that may sign up without an invite; empty means anyone. */
  ALLOWED_EMAIL_DOMAINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    ),
  /**
   * The origin people reach Guildhall at (e.g. https://guildhall.example.com). Used for CSRF
   * checks and invite links; when unset, the request's own Host is trusted.
   */
  PUBLIC_ORIGIN: z
    .string()
    .url()
    .optional()
    .transform((v) => v?.replace(/\/$/, '')),
  /** Set when a TLS-terminating proxy sits in front, so X-Forwarded-* are believed. */
  TRUST_PROXY: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Sign-in and sign-up attempts allowed per client address per minute. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Writes allowed per person (or address) per minute, across the API. */
  WRITE_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** fatal | error | warn | info | debug | trace | silent */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Where the built web app lives; the API still runs when it is missing. */
  WEB_DIST: z.string().optional(),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = ConfigSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
