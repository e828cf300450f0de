/**
 * Settings of the import (environment variables, read once and validated):
 * - FACTMARK_IMPORT_ALLOW_HOSTS: hosts a URL import may reach although they are private or
 *   loopback, as `host`, `host:port` or `[ipv6]:port`, comma-separated. Default: none.
 * - FACTMARK_IMPORT_TIMEOUT_MS: time limit of a URL fetch, all redirects included. Default 10000.
 */
import { parseAllowHosts, type AllowEntry } from './address-policy';

/** Largest input accepted (pasted text, uploaded file, fetched page), in bytes: 5 MB. */
export const MAX_IMPORT_BYTES = 5_000_000;
/** Redirects followed by a URL import; each hop is checked again. */
export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_MS = 10_000;

export interface ImportSettings {
  allowHosts: AllowEntry[];
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
}

let cached: { key: string; settings: ImportSettings } | undefined;

/** The import settings from `env`; throws an Error naming a malformed variable. */
export function importSettings(env: NodeJS.ProcessEnv = process.env): ImportSettings {
  const key = `${env.FACTMARK_IMPORT_ALLOW_HOSTS ?? ''}|${env.FACTMARK_IMPORT_TIMEOUT_MS ?? ''}`;
  if (cached?.key === key) return cached.settings;
  const timeout = env.FACTMARK_IMPORT_TIMEOUT_MS;
  const timeoutMs = timeout ? Number(timeout) : DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
    throw new Error(
      'FACTMARK_IMPORT_TIMEOUT_MS must be a whole number of milliseconds (100-600000)',
    );
  }
  const settings: ImportSettings = {
    allowHosts: parseAllowHosts(env.FACTMARK_IMPORT_ALLOW_HOSTS),
    timeoutMs,
    maxBytes: MAX_IMPORT_BYTES,
    maxRedirects: MAX_REDIRECTS,
  };
  cached = { key, settings };
  return settings;
}
