import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-initial-schema.js';

/**
 * Every migration, imported statically so a bundled CLI carries them (no directory scan at run time).
 * Names sort in the order they must run.
 *
 * @example
 * const migrator = new Migrator({ db, provider: new StaticMigrationProvider() });
 */
export class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return { '0001-initial-schema': m0001 };
  }
}
