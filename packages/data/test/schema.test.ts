import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { TABLES, integrityReport, migrateDownAll, migrateToLatest, openDatabase, openScratchDatabase, parseDatabaseUrl, redactUrl } from '../src/index.js';
import { DIALECTS, skipDialect } from './fixture.js';

describe('database URLs', () => {
  it('parses sqlite and postgres URLs and redacts passwords', () => {
    expect(parseDatabaseUrl('sqlite:/tmp/a.db')).toEqual({ dialect: 'sqlite', path: '/tmp/a.db' });
    expect(parseDatabaseUrl('sqlite:///tmp/a.db')).toEqual({ dialect: 'sqlite', path: '/tmp/a.db' });
    expect(parseDatabaseUrl('sqlite::memory:')).toEqual({ dialect: 'sqlite', path: ':memory:' });
    expect(parseDatabaseUrl('/tmp/b.db')).toEqual({ dialect: 'sqlite', path: '/tmp/b.db' });
    expect(parseDatabaseUrl('postgres://me:pw@db/atm')).toEqual({ dialect: 'postgres', connectionString: 'postgres://me:pw@db/atm' });
    expect(parseDatabaseUrl('postgresql:///atm?host=/run/pg').dialect).toBe('postgres');
    expect(() => parseDatabaseUrl('mysql://x/y')).toThrow(/Expected a sqlite: or postgres:\/\/ URL for url but received "mysql:\/\/x\/y"/);
    expect(() => parseDatabaseUrl('')).toThrow(/Expected a database URL/);
    expect(redactUrl('postgres://me:secret@db/atm?password=x')).toBe('postgres://me:***@db/atm?password=***');
  });

  it('rejects unknown options', async () => {
    await expect(openDatabase('sqlite::memory:', { migrat: true } as never)).rejects.toThrow(/Unknown option "migrat" for openDatabase/);
  });
});

describe.each(DIALECTS)('schema and migrations (%s)', (dialect) => {
  it.skipIf(skipDialect(dialect))('creates every table and the hierarchy view; migrations are idempotent and reversible; constraints hold', async () => {
    const scratch = await openScratchDatabase(dialect);
    const db = scratch.db;
    try {
      for (const table of TABLES) {
        const { rows } = await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(db.kysely);
        expect(Number(rows[0].n), table).toBe(0);
      }
      await sql`select * from product_hierarchy`.execute(db.kysely);
      const again = await migrateToLatest(db.kysely);
      expect(again.results).toEqual([]);
      // Domain and bookkeeping constraints.
      await expect(db.kysely.insertInto('customers').values({ customer_code: 'C', price_sensitivity: 'ZZ' as never, life_stage: null }).execute()).rejects.toThrow();
      await expect(
        db.kysely.insertInto('ingested_files').values({ file_id: 1, path: '/x', kind: 'transactions', checksum: 'c', size_bytes: 1, rows_read: 2, rows_stored: 1, rows_rejected: 0, rows_duplicate: 0, loaded_at: 'now' }).execute(),
      ).rejects.toThrow();
      await expect(db.kysely.insertInto('products').values({ prod_code: 'PRD0900001', prod_code_10: 'CL99999' }).execute()).rejects.toThrow();
      // Undeclared references are what integrityReport checks.
      expect(Object.values(await integrityReport(db)).every((n) => n === 0)).toBe(true);
      await db.kysely.insertInto('line_items').values({ basket_id: '994100100000001', prod_code: 'PRD0900001', quantity: 1, spend_pence: 5 }).execute();
      expect(await integrityReport(db)).toMatchObject({ lineItemsWithoutBasket: 1, lineItemsWithoutProduct: 1, emptyBaskets: 0 });
      await db.kysely.deleteFrom('line_items').execute();
      const down = await migrateDownAll(db.kysely);
      expect(down.results.map((r) => [r.migrationName, r.direction, r.status])).toEqual([['0001-initial-schema', 'Down', 'Success']]);
      await expect(sql`select * from baskets`.execute(db.kysely)).rejects.toThrow();
      expect((await migrateToLatest(db.kysely)).results.map((r) => r.status)).toEqual(['Success']);
    } finally {
      await scratch.dispose();
    }
  });
});

describe('the schema and the LGSR format agree', () => {
  it("every categorical CHECK constraint lists exactly @atm/lgsr's domain", async () => {
    const { BASKET_MISSIONS, BASKET_SIZES, BASKET_TYPES, LIFE_STAGES, PRICE_SENSITIVITIES, STORE_FORMATS, STORE_REGIONS } = await import('@atm/lgsr');
    const db = await openDatabase('sqlite::memory:');
    try {
      const { rows } = await sql<{ sql: string }>`select sql from sqlite_master where type = 'table' and name in ('customers', 'stores', 'baskets')`.execute(db.kysely);
      const ddl = rows.map((r) => r.sql).join('\n');
      // The migration writes each domain as `column in ('A', 'B', …)`.
      const listOf = (column: string) => {
        const m = new RegExp(`(?<![\\w])${column} in \\(([^)]*)\\)`).exec(ddl);
        if (!m) throw new Error(`no CHECK list for ${column} in:\n${ddl}`);
        return m[1].split(',').map((v) => v.trim().replace(/^'|'$/g, ''));
      };
      expect(listOf('price_sensitivity')).toEqual([...PRICE_SENSITIVITIES]);
      expect(listOf('basket_price_sensitivity')).toEqual([...PRICE_SENSITIVITIES]);
      expect(listOf('life_stage')).toEqual([...LIFE_STAGES]);
      expect(listOf('store_format')).toEqual([...STORE_FORMATS]);
      expect(listOf('store_region')).toEqual([...STORE_REGIONS]);
      expect(listOf('basket_size')).toEqual([...BASKET_SIZES]);
      expect(listOf('basket_type')).toEqual([...BASKET_TYPES]);
      expect(listOf('basket_dominant_mission')).toEqual([...BASKET_MISSIONS]);
    } finally {
      await db.close();
    }
  });
});
