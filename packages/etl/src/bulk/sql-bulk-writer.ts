import type { BulkWriter, Dimensions, FileRecord, ForeignBasket, WriteBatch } from './bulk-writer.js';

type Row = Record<string, unknown>;

/** Delete statements that remove a file's rows, children first, then dimensions nothing refers to. */
const REMOVE_FILE = [
  'delete from line_items where basket_id in (select basket_id from baskets where file_id = ?)',
  'delete from baskets where file_id = ?',
  'delete from weeks where file_id = ?',
  'delete from rejected_rows where file_id = ?',
];
/**
 * Delete dimension rows nothing refers to any more. `line_items.prod_code` and `baskets.store_code`
 * have no index: SQLite answers `not in (subquery)` with one scan and an ephemeral index, while
 * PostgreSQL plans `not exists` as a hash anti-join (its `not in` would rescan per row once the
 * subquery outgrows work_mem).
 */
function removeOrphans(dialect: 'sqlite' | 'postgres'): string[] {
  const unused = (table: string, column: string, child: string, childColumn = column) =>
    dialect === 'sqlite'
      ? `delete from ${table} where ${column} not in (select ${childColumn} from ${child} where ${childColumn} is not null)`
      : `delete from ${table} where not exists (select 1 from ${child} c where c.${childColumn} = ${table}.${column})`;
  return [
    unused('customers', 'customer_code', 'baskets'),
    unused('stores', 'store_code', 'baskets'),
    unused('products', 'prod_code', 'line_items'),
    unused('prod_codes_10', 'prod_code_10', 'products'),
    unused('prod_codes_20', 'prod_code_20', 'prod_codes_10'),
    unused('prod_codes_30', 'prod_code_30', 'prod_codes_20'),
    unused('prod_codes_40', 'prod_code_40', 'prod_codes_30'),
  ];
}

const pad2 = (n: unknown) => String(n).padStart(2, '0');

/**
 * The SQL both dialects share (bookkeeping, dimension loading, cross-file lookups), written once with
 * `?` placeholders. Subclasses supply the driver calls and the bulk `write`.
 */
export abstract class SqlBulkWriter implements BulkWriter {
  abstract readonly dialect: 'sqlite' | 'postgres';
  abstract open(): Promise<void>;
  abstract close(): Promise<void>;
  abstract begin(): Promise<void>;
  abstract commit(): Promise<void>;
  abstract rollback(): Promise<void>;
  abstract changeToken(): Promise<string>;
  abstract write(batch: WriteBatch): Promise<void>;
  /** Rows of a query with `?` placeholders. */
  protected abstract query(text: string, params?: unknown[]): Promise<Row[]>;
  /**
   * Rows of a read-only query about other, committed files (the cross-file basket lookup). Runs on
   * the writing connection unless a dialect has a better place for it.
   */
  protected lookup(text: string, params?: unknown[]): Promise<Row[]> {
    return this.query(text, params);
  }
  /** `column IN (…ids)` with one placeholder, and the parameter value for it. */
  protected abstract idList(column: string, ids: string[]): { text: string; param: unknown };

  async fileByPath(path: string): Promise<FileRecord | undefined> {
    const [r] = await this.query('select * from ingested_files where path = ?', [path]);
    return r === undefined ? undefined : toRecord(r);
  }

  async nextFileId(): Promise<number> {
    const [r] = await this.query('select coalesce(max(file_id), 0) + 1 as id from ingested_files');
    return Number(r.id);
  }

  async removeFileRows(fileId: number): Promise<void> {
    for (const text of REMOVE_FILE) await this.query(text, [fileId]);
    for (const text of removeOrphans(this.dialect)) await this.query(text);
  }

  async saveFileRecord(f: FileRecord, isNew: boolean): Promise<void> {
    const values = [f.path, f.kind, f.checksum, f.sizeBytes, f.rowsRead, f.rowsStored, f.rowsRejected, f.rowsDuplicate, f.loadedAt, f.fileId];
    if (isNew)
      await this.query(
        'insert into ingested_files (path, kind, checksum, size_bytes, rows_read, rows_stored, rows_rejected, rows_duplicate, loaded_at, file_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        values,
      );
    else
      await this.query(
        'update ingested_files set path = ?, kind = ?, checksum = ?, size_bytes = ?, rows_read = ?, rows_stored = ?, rows_rejected = ?, rows_duplicate = ?, loaded_at = ? where file_id = ?',
        values,
      );
  }

  async loadDimensions(): Promise<Dimensions> {
    const pairs = async (text: string) => new Map((await this.query(text)).map((r) => [String(r.a), String(r.b)]));
    const customers = await this.query('select customer_code as a, price_sensitivity as b, life_stage as c from customers');
    const stores = await this.query('select store_code as a, store_format as b, store_region as c from stores');
    const weeks = await this.query('select shop_week as a, date_from as b, date_to as c from weeks');
    return {
      products: await pairs('select prod_code as a, prod_code_10 as b from products'),
      level10: await pairs('select prod_code_10 as a, prod_code_20 as b from prod_codes_10'),
      level20: await pairs('select prod_code_20 as a, prod_code_30 as b from prod_codes_20'),
      level30: await pairs('select prod_code_30 as a, prod_code_40 as b from prod_codes_30'),
      level40: new Set((await this.query('select prod_code_40 as a from prod_codes_40')).map((r) => String(r.a))),
      customers: new Map(customers.map((r) => [String(r.a), { priceSensitivity: String(r.b), lifeStage: r.c === null ? '' : String(r.c) }])),
      stores: new Map(stores.map((r) => [String(r.a), { format: String(r.b), region: String(r.c) }])),
      weeks: new Map(weeks.map((r) => [String(r.a), { from: String(r.b), to: String(r.c) }])),
    };
  }

  async foreignBaskets(ids: string[], exceptFileId: number): Promise<Map<string, ForeignBasket>> {
    const found = new Map<string, ForeignBasket>();
    if (ids.length === 0) return found;
    const list = this.idList('b.basket_id', ids);
    const baskets = await this.lookup(
      `select cast(b.basket_id as text) as basket_id, b.file_id, f.path, b.customer_code, b.store_code, b.shop_week,
         b.shop_date, b.shop_weekday, b.shop_hour, b.basket_size, b.basket_price_sensitivity, b.basket_type,
         b.basket_dominant_mission
       from baskets b join ingested_files f on f.file_id = b.file_id
       where ${list.text} and b.file_id <> ?`,
      [list.param, exceptFileId],
    );
    if (baskets.length === 0) return found;
    for (const b of baskets) {
      const values = [
        String(b.shop_week), String(b.shop_date), String(b.shop_weekday), pad2(b.shop_hour),
        b.customer_code === null ? '' : String(b.customer_code), String(b.basket_size), String(b.basket_price_sensitivity),
        String(b.basket_type), String(b.basket_dominant_mission), String(b.store_code),
      ];
      found.set(String(b.basket_id), { fileId: Number(b.file_id), path: String(b.path), values, items: new Map() });
    }
    const items = this.idList('basket_id', [...found.keys()]);
    for (const r of await this.lookup(
      `select cast(basket_id as text) as basket_id, prod_code, quantity, spend_pence from line_items where ${items.text}`,
      [items.param],
    ))
      found.get(String(r.basket_id))?.items.set(String(r.prod_code), [Number(r.quantity), Number(r.spend_pence)]);
    return found;
  }
}

function toRecord(r: Row): FileRecord {
  return {
    fileId: Number(r.file_id),
    path: String(r.path),
    kind: r.kind as FileRecord['kind'],
    checksum: String(r.checksum),
    sizeBytes: Number(r.size_bytes),
    rowsRead: Number(r.rows_read),
    rowsStored: Number(r.rows_stored),
    rowsRejected: Number(r.rows_rejected),
    rowsDuplicate: Number(r.rows_duplicate),
    loadedAt: String(r.loaded_at),
  };
}
