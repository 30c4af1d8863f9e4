import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { invalid } from './errors.js';

/** A parsed database URL. */
export type DatabaseTarget =
  | { dialect: 'sqlite'; /** Absolute file path, or `:memory:`. */ path: string }
  | { dialect: 'postgres'; /** The connection string handed to pg (a default user added if it had none). */ connectionString: string };

/**
 * Parse a database URL: `sqlite:<path>` (also `sqlite://<path>`, `sqlite::memory:`, or a bare file path)
 * or `postgres://…` / `postgresql://…`. A PostgreSQL URL without a user name gets the operating-system
 * user, as libpq does (node-postgres would otherwise send none).
 *
 * @example
 * parseDatabaseUrl('sqlite:data/atm.db'); // { dialect: 'sqlite', path: '/abs/data/atm.db' }
 * parseDatabaseUrl('postgres:///atm?host=/var/run/postgresql').dialect; // 'postgres'
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (typeof url !== 'string' || url.trim() === '')
    throw new TypeError(invalid('a database URL (sqlite:<path> or postgres://…)', 'url', url));
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new RangeError(invalid('a valid postgres:// URL', 'url', redactUrl(url)));
    }
    if (parsed.username !== '' || parsed.searchParams.has('user') || process.env.PGUSER) return { dialect: 'postgres', connectionString: url };
    const user = encodeURIComponent(process.env.USER || userInfo().username);
    return { dialect: 'postgres', connectionString: `${url}${url.includes('?') ? '&' : '?'}user=${user}` };
  }
  let path: string;
  if (/^sqlite:/i.test(url)) path = url.replace(/^sqlite:(\/\/)?/i, '');
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) throw new RangeError(invalid('a sqlite: or postgres:// URL', 'url', redactUrl(url)));
  else path = url;
  if (path === '') throw new RangeError(invalid('a file path after sqlite:', 'url', url));
  return { dialect: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
}

/**
 * The URL with any password replaced by `***`, for messages and logs.
 *
 * @example
 * redactUrl('postgres://me:secret@db/atm'); // 'postgres://me:***@db/atm'
 */
export function redactUrl(url: string): string {
  return url.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*):[^@/?#]*@/i, '$1:***@').replace(/([?&]password=)[^&]*/i, '$1***');
}
