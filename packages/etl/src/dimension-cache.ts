import type { BulkWriter, Dimensions } from './bulk/bulk-writer.js';

/**
 * Stored dimensions kept in memory across the files of one ingest, reloaded when another connection
 * has written (the writer's change token moved) or after a rollback.
 *
 * @example
 * const cache = new DimensionCache();
 * const dims = await cache.get(writer); // inside the file's transaction
 */
export class DimensionCache {
  private dims: Dimensions | undefined;
  private token = '';

  async get(writer: BulkWriter): Promise<Dimensions> {
    const token = await writer.changeToken();
    if (this.dims === undefined || token !== this.token) {
      this.dims = await writer.loadDimensions();
      this.token = token;
    }
    return this.dims;
  }

  /** Forget everything (the transaction that filled the cache was rolled back, or rows were removed). */
  invalidate(): void {
    this.dims = undefined;
  }
}
