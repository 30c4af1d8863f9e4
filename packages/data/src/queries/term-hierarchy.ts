import { sql } from 'kysely';
import { PRODUCT_LEVELS } from '../domains.js';
import type { ProductLevel } from '../domains.js';
import type { AtmDatabase } from '../open-database.js';
import { toNumber } from '../sql-helpers.js';
import { invalid } from '../errors.js';

/** One term at a level with its ancestors; levels finer than the term's are null. */
export interface TermHierarchy {
  term: string;
  level: ProductLevel;
  prod_code: string | null;
  prod_code_10: string | null;
  prod_code_20: string | null;
  prod_code_30: string | null;
  prod_code_40: string;
  /** Products under this term (1 at level `prod_code`). */
  products: number;
}

/**
 * Every code at a hierarchy level with its ancestor codes, ordered by code — the term metadata of a
 * corpus built at that level (`corpus.terms` are a subset, in the same order).
 *
 * @example
 * const classes = await termHierarchy(db, 'prod_code_10');
 * classes[0]; // { term: 'CL00001', level: 'prod_code_10', prod_code: null, prod_code_10: 'CL00001', prod_code_20: 'DEP00001', … }
 */
export async function termHierarchy(db: AtmDatabase, level: ProductLevel): Promise<TermHierarchy[]> {
  const at = PRODUCT_LEVELS.indexOf(level);
  if (at < 0) throw new RangeError(invalid(`one of ${PRODUCT_LEVELS.join(', ')}`, 'level', level));
  const columns = PRODUCT_LEVELS.map((l, i) => (i < at ? sql`null as ${sql.ref(l)}` : sql`h.${sql.ref(l)}`));
  const { rows } = await sql<Omit<TermHierarchy, 'term' | 'level' | 'products'> & { products: number | string }>`
    select distinct ${sql.join(columns)}, count(*) over (partition by h.${sql.ref(level)}) as products
    from product_hierarchy h`.execute(db.kysely);
  // Sorted here, not in SQL: PostgreSQL's text order follows the database collation.
  return rows
    .map((r) => ({ term: r[level] as string, level, ...r, products: toNumber(r.products) }))
    .sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
}
