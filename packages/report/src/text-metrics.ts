import * as vega from 'vega';

/** vega-scenegraph's measurement hook; vega re-exports it but its typings omit it. */
interface TextMetrics {
  width: (item: { fontSize?: number; fontWeight?: unknown }, text?: string | string[]) => number;
}

/**
 * Advance widths of printable ASCII (space … tilde) in Helvetica/Arial, in 1/1000 em
 * (the standard AFM metrics; Liberation Sans and Arial share them).
 */
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space ! " # $ % & ' ( ) * + , - . /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0-9 : ; < = > ?
  1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ A-O
  667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P-Z [ \ ] ^ _
  333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` a-o
  556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p-z { | } ~
];
/** Bold Helvetica/Arial runs about 7% wider than regular. */
const BOLD_FACTOR = 1.07;
/** A little room for hinting and kerning differences between renderers. */
const SAFETY = 1.02;

function charWidth(code: number): number {
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32];
  if (code === 0x200b) return 0; // zero-width space (used to keep duplicate labels apart)
  if (code >= 0x2e80) return 1000; // CJK and other full-width scripts
  return 600;
}

function isBold(weight: unknown): boolean {
  return weight === 'bold' || weight === 'bolder' || (typeof weight === 'number' && weight >= 600) || (typeof weight === 'string' && Number(weight) >= 600);
}

/**
 * Estimated width in pixels of `text` in a Helvetica/Arial-like font.
 *
 * @example
 * estimateTextWidth('Whole milk', 11, false); // ≈ 53
 */
export function estimateTextWidth(text: string, fontSize: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch.codePointAt(0)!);
  return (units / 1000) * fontSize * (bold ? BOLD_FACTOR : 1) * SAFETY;
}

let installed = false;

/**
 * Makes vega lay out and truncate text with real font metrics. Without a canvas vega
 * guesses 0.8 em per character, about 50% too wide, so labels get cut short. Vega
 * supports a user-defined `textMetrics.width` for exactly this (as vl-convert does);
 * it is installed once per process and only changes measurement, never drawing.
 *
 * @example
 * installTextMetrics();
 */
export function installTextMetrics(): void {
  if (installed) return;
  installed = true;
  const metrics = (vega as unknown as { textMetrics: TextMetrics }).textMetrics;
  metrics.width = (item, text) => {
    const value = Array.isArray(text) ? text.join(' ') : String(text ?? '').trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    return estimateTextWidth(value, size, isBold(item.fontWeight));
  };
}
