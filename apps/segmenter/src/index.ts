export { main, buildProgram } from './cli.js';
export { runCommand } from './commands/run.js';
export type { RunFlags, RunSummary } from './commands/run.js';
export { EXPORT_HEADERS } from './commands/export.js';
export { SEGMENTS_HEADER } from './commands/segment.js';
export { segmentCustomers } from './pipeline/segment.js';
export { buildCorpora } from './pipeline/corpora.js';
export { trainFromDatabase } from './pipeline/train.js';
