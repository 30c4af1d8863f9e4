import { SqliteAdapter } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Which SQL dialect a kysely instance talks to, for the few DDL details that differ.
 *
 * @example
 * if (dialectOf(db) === 'sqlite') builder = builder.modifyEnd(sql`without rowid`);
 */
export function dialectOf(db: Kysely<any>): 'sqlite' | 'postgres' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'postgres';
}
