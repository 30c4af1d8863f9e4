import type { Loader } from 'vega';

/** Thrown when a chart specification tries to load anything: every report chart carries its data inline. */
export class OfflineLoadError extends Error {
  constructor(what: string) {
    super(`Report charts are rendered offline and must not load ${JSON.stringify(what)}; pass data as inline values`);
    this.name = 'OfflineLoadError';
  }
}

/**
 * A vega loader that refuses every network and file access, so rendering a chart
 * can never fetch data, images or fonts.
 *
 * @example
 * new View(parse(spec), { renderer: 'none', loader: offlineLoader() });
 */
export function offlineLoader(): Loader {
  const refuse = (what: string): Promise<never> => Promise.reject(new OfflineLoadError(what));
  return {
    load: (uri) => refuse(uri),
    sanitize: (uri) => refuse(uri),
    http: (uri) => refuse(uri),
    file: (filename) => refuse(filename),
  };
}
