export { generateLgsr } from './generate.js';
export type { GenerateOptions, GenerateProgress, GenerateResult } from './generate.js';
export { readTruth, truthFileName, TRUTH_FORMAT, TRUTH_VERSION } from './truth.js';
export type {
  LgsrTruth,
  TruthCustomer,
  TruthHierarchy,
  TruthOptions,
  TruthProduct,
  TruthSegment,
  TruthSummary,
  TruthTopic,
} from './truth.js';
export type { SegmentProfile } from './shopper-model.js';
export {
  lgsrHeader,
  priceSensitivities,
  lifeStages,
  basketSizes,
  basketTypes,
  basketMissions,
  storeFormats,
  storeRegions,
  timeFileName,
  timeHeader,
  transactionsFileName,
  formatSpend,
} from './lgsr-format.js';
export type { LgsrColumn, PriceSensitivity, LifeStage, StoreFormat, DepartmentMission } from './lgsr-format.js';
export {
  parseShopDate,
  formatShopDate,
  shopWeekday,
  fiscalYearStart,
  fiscalWeeksInYear,
  isShopWeek,
  fiscalWeekStart,
  fiscalWeekOf,
  addFiscalWeeks,
} from './fiscal-calendar.js';
