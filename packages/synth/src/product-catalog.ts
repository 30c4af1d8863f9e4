/**
 * The product hierarchy PROD_CODE → _10 (class) → _20 → _30 → _40 (department), nesting strictly, with a
 * fixed Zipf-like product distribution and a shelf price inside each class.
 */
import { sampleGamma, sampleNormal, samplePoisson } from '@atm/core';
import type { Rng } from '@atm/core';
import { padCode } from './lgsr-format.js';
import type { DepartmentMission } from './lgsr-format.js';
import { contiguousParents, shuffle, sparseNumbers } from './random-codes.js';

/** Own missions of departments D00001.. in order (cycled when there are fewer). */
const DEPARTMENT_MISSIONS: DepartmentMission[] = ['Fresh', 'Grocery', 'Fresh', 'Fresh', 'Grocery', 'Fresh', 'Fresh', 'Nonfood', 'Grocery'];
/** Zipf exponent of product popularity within a class. */
const ZIPF_EXPONENT = 1.1;

export interface ProductCatalog {
  /** PROD_CODE of each product; products are stored class by class (class c owns `classOffsets[c]..classOffsets[c+1]`). */
  products: string[];
  productClass: Int32Array;
  /** Probability of each product within its class (sums to 1 per class). */
  productShare: Float64Array;
  /** Per-class prefix sums of productShare, for drawing a product of a class. */
  productCdf: Float64Array;
  /** Shelf price of each product in pence (>= 5). */
  productPrice: Int32Array;
  classOffsets: Int32Array;
  classes: string[];
  classParent: Int32Array;
  level20: string[];
  level20Parent: Int32Array;
  level30: string[];
  level30Parent: Int32Array;
  departments: string[];
  departmentMission: DepartmentMission[];
  /** Department of each class, for basket missions. */
  classDepartment: Int32Array;
}

/** Sizes of the upper levels for `classes` classes, in the real data's proportions (250 : 90 : 31 : 9). */
export function hierarchyLevels(classes: number): { level20: number; level30: number; departments: number } {
  const level30 = Math.min(99, Math.max(1, Math.round(classes * 0.124)));
  const level20 = Math.min(classes, Math.max(level30, Math.round(classes * 0.36)));
  return { level20, level30, departments: Math.min(9, level30) };
}

/**
 * Build a catalogue of `classes` classes with on average `productsPerClass` products each.
 *
 * @example
 * const catalog = buildProductCatalog(new Rng(1), 120, 20);
 * catalog.classes[catalog.productClass[0]]; // e.g. 'CL00001'
 */
export function buildProductCatalog(rng: Rng, classes: number, productsPerClass: number): ProductCatalog {
  const levels = hierarchyLevels(classes);
  const classParent = contiguousParents(rng, classes, levels.level20);
  const level20Parent = contiguousParents(rng, levels.level20, levels.level30);
  const level30Parent = contiguousParents(rng, levels.level30, levels.departments);

  const classOffsets = new Int32Array(classes + 1);
  for (let c = 0; c < classes; c++) {
    // Overdispersed class sizes with mean productsPerClass, at least 1.
    const size = 1 + samplePoisson(rng, (productsPerClass - 1) * (sampleGamma(rng, 3) / 3));
    classOffsets[c + 1] = classOffsets[c] + size;
  }
  const P = classOffsets[classes];
  if (P > 99_999) throw new RangeError(`The catalogue drew ${P} products, more than PROD_CODE's 99,999; use fewer classes or products per class`);

  const productClass = new Int32Array(P);
  const productShare = new Float64Array(P);
  const productCdf = new Float64Array(P);
  const productPrice = new Int32Array(P);
  for (let c = 0; c < classes; c++) {
    const start = classOffsets[c];
    const n = classOffsets[c + 1] - start;
    const ranks = shuffle(rng, Int32Array.from({ length: n }, (_, i) => i));
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (productShare[start + i] = Math.pow(ranks[i] + 1, -ZIPF_EXPONENT));
    let acc = 0;
    // Class median price ~ lognormal around £1.50; products scatter around it.
    const classLogPrice = Math.log(150) + 0.7 * sampleNormal(rng);
    for (let i = start; i < start + n; i++) {
      productClass[i] = c;
      productShare[i] /= sum;
      acc += productShare[i];
      productCdf[i] = acc;
      productPrice[i] = Math.max(5, Math.round(Math.exp(classLogPrice + 0.35 * sampleNormal(rng))));
    }
  }

  // Product codes are sparse and unrelated to the class order, as in the real catalogue.
  const numbers = shuffle(rng, sparseNumbers(rng, P, 99_999));
  const products = numbers.map((n) => padCode('PRD09', n, 5));
  const classDepartment = classParent.map((p) => level30Parent[level20Parent[p]]);
  return {
    products,
    productClass,
    productShare,
    productCdf,
    productPrice,
    classOffsets,
    classes: Array.from({ length: classes }, (_, i) => padCode('CL00', i + 1, 3)),
    classParent,
    level20: Array.from({ length: levels.level20 }, (_, i) => padCode('DEP00', i + 1, 3)),
    level20Parent,
    level30: Array.from({ length: levels.level30 }, (_, i) => padCode('G000', i + 1, 2)),
    level30Parent,
    departments: Array.from({ length: levels.departments }, (_, i) => padCode('D0000', i + 1, 1)),
    departmentMission: Array.from({ length: levels.departments }, (_, i) => DEPARTMENT_MISSIONS[i % DEPARTMENT_MISSIONS.length]),
    classDepartment,
  };
}
