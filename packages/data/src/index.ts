export { openDatabase, SQLITE_PRAGMAS } from './open-database.js';
export type { AtmDatabase, SqliteAtmDatabase, PostgresAtmDatabase, OpenDatabaseOptions } from './open-database.js';
export { parseDatabaseUrl, redactUrl } from './database-url.js';
export type { DatabaseTarget } from './database-url.js';
export { migrateToLatest, migrateDownAll } from './migrate.js';
export type { MigrationOutcome } from './migrate.js';
export { StaticMigrationProvider } from './migrations/migration-provider.js';
export { TABLES } from './database.js';
export type {
  Database,
  Int64,
  TableName,
  IngestedFilesTable,
  RejectedRowsTable,
  WeeksTable,
  ProdCodes10Table,
  ProdCodes20Table,
  ProdCodes30Table,
  ProdCodes40Table,
  ProductsTable,
  ProductHierarchyView,
  CustomersTable,
  StoresTable,
  BasketsTable,
  LineItemsTable,
  IngestedFile,
  NewIngestedFile,
  RejectedRow,
  Week,
  Product,
  Customer,
  Store,
  Basket,
  NewBasket,
  LineItem,
  NewLineItem,
} from './database.js';
export {
  PRICE_SENSITIVITIES,
  LIFE_STAGES,
  BASKET_SIZES,
  BASKET_TYPES,
  BASKET_MISSIONS,
  STORE_FORMATS,
  STORE_REGIONS,
  PRODUCT_LEVELS,
} from './domains.js';
export type {
  PriceSensitivity,
  LifeStage,
  BasketSize,
  BasketType,
  BasketMission,
  StoreFormat,
  StoreRegion,
  ProductLevel,
} from './domains.js';
export { buildCorpus } from './corpus/build-corpus.js';
export type { BuiltCorpus, CorpusStats } from './corpus/build-corpus.js';
export { resolveCorpusOptions, CORPUS_PRESETS, ANONYMOUS_AUTHOR, TERM_WEIGHTS } from './corpus/corpus-options.js';
export type { CorpusOptions, ResolvedCorpusOptions, TermWeight, HeldOutSplit, CorpusPresetName } from './corpus/corpus-options.js';
export { heldOutMask, basketHash } from './corpus/held-out-split.js';
export type { SplitDocument } from './corpus/held-out-split.js';
export { basketAttributes } from './queries/basket-attributes.js';
export type { BasketAttributes } from './queries/basket-attributes.js';
export { customerAttributes } from './queries/customer-attributes.js';
export type { CustomerAttributes } from './queries/customer-attributes.js';
export { termHierarchy } from './queries/term-hierarchy.js';
export type { TermHierarchy } from './queries/term-hierarchy.js';
export { inList, toNumber, stringAgg } from './sql-helpers.js';
export { openScratchDatabase, postgresDisabled, DEFAULT_PG_URL } from './scratch-database.js';
export type { ScratchDatabase } from './scratch-database.js';
export { databaseSnapshot } from './database-snapshot.js';
export type { DatabaseSnapshot } from './database-snapshot.js';
export { integrityReport } from './integrity-report.js';
export type { IntegrityReport } from './integrity-report.js';
