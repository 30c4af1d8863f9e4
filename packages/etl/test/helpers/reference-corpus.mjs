import { execFileSync } from 'node:child_process';

/**
 * @typedef {object} ReferenceOptions
 * @property {'prod_code' | 'prod_code_10' | 'prod_code_20' | 'prod_code_30' | 'prod_code_40'} level
 * @property {'lines' | 'presence' | 'quantity'} weight
 * @property {number} [fromWeek]
 * @property {number} [toWeek]
 * @property {number} [minItems]
 * @property {number} [minBasketsPerCustomer]
 * @property {'drop' | 'author'} [anonymous]
 * @property {number} [minTermTotal]
 * @property {number} [maxTermTotal]
 * @property {number} [termShareAbove]
 * @property {number} [termShareBelow]
 */

const COLUMN = { prod_code: 7, prod_code_10: 8, prod_code_20: 9, prod_code_30: 10, prod_code_40: 11 };

/**
 * The corpus counts computed straight from the files with zcat | awk — the independent reference
 * for buildCorpus (it shares no code with the project). Used by the tests and bench/seed-preset.mjs.
 *
 * @param {readonly string[]} files
 * @param {ReferenceOptions} o
 * @returns {{ terms: number, documents: number, authors: number, tokens: number }}
 */
export function referenceCorpus(files, o) {
  const v = (x, d) => (x === undefined ? d : x);
  const prog = `
    BEGIN { FS = "," }
    $1 == "SHOP_WEEK" { next }
    $1 < ${v(o.fromWeek, 0)} || $1 > ${v(o.toWeek, 999999)} { next }
    {
      t = $${COLUMN[o.level]}; b = $15; cust[b] = $12; k = b SUBSEP t
      w = ("${o.weight}" == "quantity") ? $5 : 1
      if ("${o.weight}" == "presence") { if (!(k in bt)) { bt[k] = 1; tot[t] += 1 } }
      else { bt[k] += w; tot[t] += w }
    }
    END {
      mx = 0; for (t in tot) if (tot[t] > mx) mx = tot[t]
      for (t in tot) {
        ok = tot[t] >= ${v(o.minTermTotal, 0)} && tot[t] <= ${v(o.maxTermTotal, 1e18)}
        if (${o.termShareAbove === undefined ? 0 : 1}) ok = ok && tot[t] > ${v(o.termShareAbove, 0)} * mx
        if (${o.termShareBelow === undefined ? 0 : 1}) ok = ok && tot[t] < ${v(o.termShareBelow, 0)} * mx
        if (ok) kept[t] = 1
      }
      for (k in bt) { split(k, p, SUBSEP); if (p[2] in kept) n[p[1]] += bt[k] }
      for (b in n) {
        if (n[b] < ${v(o.minItems, 1)}) continue
        a = cust[b]; if (a == "") { if ("${o.anonymous ?? 'drop'}" == "drop") continue; a = "(anonymous)" }
        doc[b] = a; per[a]++
      }
      for (b in doc) if (per[doc[b]] >= ${v(o.minBasketsPerCustomer, 1)}) { docs++; tokens += n[b]; authors[doc[b]] = 1; final[b] = 1 }
      for (k in bt) { split(k, p, SUBSEP); if ((p[2] in kept) && (p[1] in final)) used[p[2]] = 1 }
      nt = 0; for (t in used) nt++; na = 0; for (a in authors) na++
      print nt, docs + 0, na, tokens + 0
    }`;
  const quoted = files.map((p) => `'${p.replace(/'/g, `'\\''`)}'`).join(' ');
  const script = `zcat -f ${quoted} | awk '${prog.replace(/'/g, `'\\''`)}'`;
  const out = execFileSync('bash', ['-o', 'pipefail', '-c', script], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const [terms, documents, authors, tokens] = out.trim().split(' ').map(Number);
  return { terms, documents, authors, tokens };
}
