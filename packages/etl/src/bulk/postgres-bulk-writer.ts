import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { WriteBatch } from './bulk-writer.js';
import { SqlBulkWriter } from './sql-bulk-writer.js';
import { WriteQueue } from './write-queue.js';

/** Session advisory lock key that serializes ingests into one database ('ATMI'). */
export const INGEST_LOCK_KEY = 0x41544d49;
/** Rows per multi-row INSERT for the small dimension tables. */
const INSERT_CHUNK = 1000;
/** Batches queued on the connection before `write` waits: bounds memory, keeps the server busy. */
const MAX_IN_FLIGHT = 2;

/** COPY text format: escape backslash, tab, newline and carriage return; null is \N. */
function copyValue(v: string | number | null): string {
  if (v === null) return '\\N';
  if (typeof v === 'number') return String(v);
  return /[\\\t\n\r]/.test(v) ? v.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string) : v;
}

/** `?` placeholders as `$1, $2, …`. */
function numbered(text: string): string {
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/**
 * PostgreSQL bulk path: one pooled connection for the whole ingest, holding a session advisory lock;
 * each file in one transaction; baskets, line items and rejected rows go in with `COPY … FROM STDIN`
 * (one COPY per table per batch), the small dimension tables with multi-row INSERTs.
 *
 * @example
 * const writer = new PostgresBulkWriter(db.pool);
 * await writer.open(); await writer.begin(); await writer.write(batch); await writer.commit(); await writer.close();
 */
export class PostgresBulkWriter extends SqlBulkWriter {
  readonly dialect = 'postgres' as const;
  private client: pg.PoolClient | undefined;
  /** Queued writes, one after another on the connection (their queries must not interleave). */
  private readonly writes = new WriteQueue(MAX_IN_FLIGHT, { sequential: true });

  constructor(private readonly pool: pg.Pool) {
    super();
  }

  private get c(): pg.PoolClient {
    if (this.client === undefined) throw new Error('PostgresBulkWriter is not open');
    return this.client;
  }

  protected async query(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    // Bookkeeping statements run after the writes queued before them.
    await this.writes.drain();
    const res = await this.c.query(numbered(text), params);
    return res.rows;
  }

  /**
   * Other files are committed, so another pooled connection sees them without waiting for the
   * writes queued on this one.
   */
  protected override async lookup(text: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return (await this.pool.query(numbered(text), params)).rows;
  }

  protected idList(column: string, ids: string[]): { text: string; param: unknown } {
    return { text: `${column} = any(?::bigint[])`, param: ids };
  }

  async open(): Promise<void> {
    this.client = await this.pool.connect();
    await this.client.query('select pg_advisory_lock($1)', [INGEST_LOCK_KEY]);
  }

  async close(): Promise<void> {
    await this.writes.settle();
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    try {
      await client.query('select pg_advisory_unlock($1)', [INGEST_LOCK_KEY]);
      client.release();
    } catch (error) {
      client.release(error as Error);
    }
  }

  async begin(): Promise<void> {
    await this.c.query('begin');
  }

  async commit(): Promise<void> {
    await this.writes.drain();
    await this.c.query('commit');
  }

  async rollback(): Promise<void> {
    await this.writes.settle();
    await this.c.query('rollback');
  }

  /** Nothing else can write while the advisory lock is held, so cached dimensions stay valid. */
  async changeToken(): Promise<string> {
    return 'locked';
  }

  private async insert(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      const chunk = rows.slice(i, i + INSERT_CHUNK);
      const params: unknown[] = [];
      const tuples = chunk.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(', ')})`);
      await this.c.query(`insert into ${table} (${columns.join(', ')}) values ${tuples.join(', ')}`, params);
    }
  }

  private copy(table: string, columns: string[], text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const stream = this.c.query(copyFrom(`copy ${table} (${columns.join(', ')}) from stdin`));
      stream.on('error', reject);
      stream.on('finish', resolve);
      stream.end(text);
    });
  }

  /**
   * Queue the batch and return: the next batch is read and validated while the server stores this
   * one. A failure surfaces at the next write, statement or commit.
   */
  async write(b: WriteBatch): Promise<void> {
    await this.writes.add(() => this.writeNow(b));
  }

  private async writeNow(b: WriteBatch): Promise<void> {
    if (b.level40.length) await this.insert('prod_codes_40', ['prod_code_40'], b.level40.map((c) => [c]));
    await this.insert('prod_codes_30', ['prod_code_30', 'prod_code_40'], b.level30);
    await this.insert('prod_codes_20', ['prod_code_20', 'prod_code_30'], b.level20);
    await this.insert('prod_codes_10', ['prod_code_10', 'prod_code_20'], b.level10);
    await this.insert('products', ['prod_code', 'prod_code_10'], b.products);
    await this.insert('customers', ['customer_code', 'price_sensitivity', 'life_stage'], b.customers);
    await this.insert('stores', ['store_code', 'store_format', 'store_region'], b.stores);
    await this.insert('weeks', ['shop_week', 'date_from', 'date_to', 'file_id'], b.weeks.map((w) => [...w, b.fileId]));
    if (b.baskets.length) {
      let text = '';
      for (const r of b.baskets) text += `${r.map(copyValue).join('\t')}\n`;
      await this.copy(
        'baskets',
        ['basket_id', 'file_id', 'customer_code', 'store_code', 'shop_week', 'shop_date', 'shop_weekday', 'shop_hour',
          'basket_size', 'basket_price_sensitivity', 'basket_type', 'basket_dominant_mission'],
        text,
      );
    }
    const items = b.items;
    if (items.length) {
      // Codes and numbers were validated: nothing here needs COPY escaping.
      const lines: string[] = new Array(items.length / 4);
      for (let i = 0, j = 0; i < items.length; i += 4, j++) lines[j] = `${items[i]}\t${items[i + 1]}\t${items[i + 2]}\t${items[i + 3]}\n`;
      await this.copy('line_items', ['basket_id', 'prod_code', 'quantity', 'spend_pence'], lines.join(''));
    }
    if (b.rejects.length) {
      let text = '';
      for (const r of b.rejects) text += `${b.fileId}\t${r.line}\t${copyValue(r.field)}\t${copyValue(r.reason)}\t${copyValue(r.raw)}\n`;
      await this.copy('rejected_rows', ['file_id', 'line_number', 'field', 'reason', 'raw_text'], text);
    }
  }
}
