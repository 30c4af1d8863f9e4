import { describe, expect, it } from 'vitest';
import { basketAttributes, customerAttributes, termHierarchy } from '../src/index.js';
import { DIALECTS, makeFixture, skipDialect, useFixtureDatabase } from './fixture.js';

describe.each(DIALECTS)('attribute queries (%s)', (dialect) => {
  describe.skipIf(skipDialect(dialect))(dialect, () => {
    const fixture = makeFixture();
    const database = useFixtureDatabase(dialect, fixture);

    it('basketAttributes: totals per basket, ordered by id, filtered by ids', async () => {
      const all = await basketAttributes(database().db);
      const ids = [...new Set(fixture.lines.map((l) => l.basket))].sort();
      expect(all.map((b) => b.basketId)).toEqual(ids);
      for (const b of all) {
        const lines = fixture.lines.filter((l) => l.basket === b.basketId);
        expect(b).toMatchObject({ lines: lines.length, quantity: lines.reduce((s, l) => s + l.quantity, 0), spendPence: lines.reduce((s, l) => s + l.pence, 0), customerCode: lines[0].customer, shopWeek: lines[0].week });
      }
      const some = await basketAttributes(database().db, [ids[5], ids[2], '1']);
      expect(some.map((b) => b.basketId)).toEqual([ids[2], ids[5]]);
      expect(await basketAttributes(database().db, [])).toEqual([]);
      await expect(basketAttributes(database().db, ['12x'])).rejects.toThrow(/Expected a decimal basket id string for ids\[0\] but received "12x"/);
    });

    it('customerAttributes: profile, basket count and spend per customer', async () => {
      const customers = await customerAttributes(database().db);
      expect(customers.map((c) => c.customerCode)).toEqual(fixture.customers.map((c) => c.code));
      for (const c of customers) {
        const mine = fixture.lines.filter((l) => l.customer === c.customerCode);
        const f = fixture.customers.find((x) => x.code === c.customerCode)!;
        expect(c).toMatchObject({ priceSensitivity: f.ps, lifeStage: f.ls, baskets: new Set(mine.map((l) => l.basket)).size, lines: mine.length, spendPence: mine.reduce((s, l) => s + l.pence, 0) });
      }
      expect((await customerAttributes(database().db, [fixture.customers[1].code])).map((c) => c.customerCode)).toEqual([fixture.customers[1].code]);
    });

    it('termHierarchy: every code of a level with its ancestors and product count', async () => {
      for (const [i, level] of (['prod_code', 'prod_code_10', 'prod_code_20', 'prod_code_30', 'prod_code_40'] as const).entries()) {
        const rows = await termHierarchy(database().db, level);
        const paths = [...new Map(fixture.lines.map((l) => [l.prod, l.path])).values()];
        const codes = [...new Set(paths.map((p) => p[i]))].sort();
        expect(rows.map((r) => r.term)).toEqual(codes);
        for (const r of rows) {
          const under = paths.filter((p) => p[i] === r.term);
          expect(r.products).toBe(under.length);
          expect(r.prod_code_40).toBe(under[0][4]);
          if (i > 0) expect(r.prod_code).toBeNull();
        }
      }
      await expect(termHierarchy(database().db, 'class' as never)).rejects.toThrow(/Expected one of prod_code/);
    });
  });
});
