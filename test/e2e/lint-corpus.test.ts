import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { corpusReports, precision, readExpectations, reportKey } from '../../scripts/corpus-lint.mjs';

/*
 * Lint's precision on real posts it was not written against (scripts/corpus-lint.mjs): every
 * report over the archive's six newsletters and forty other posts of the site is in the judged
 * expectations file (test/fixtures/archive/lint-expectations.tsv), each judged true (an editor
 * would change the text) or false, with why. A new report fails until someone judges it; a
 * report judged true that is gone fails as lost recall; and the figures the project promises
 * hold: nine reports in ten true, every rule three in four, no false error.
 */

describe('lint over real posts, judged', () => {
  it('gives exactly the reports the expectations file judges, at least 90 % of them true, every rule at least 75 %, no false error', async () => {
    const reports = await corpusReports(main);
    const expectations = readExpectations();
    const judged = new Map(expectations.map((e) => [e.key, e]));
    const got = new Set(reports.map(reportKey));

    const unjudged = reports.filter((r) => !judged.has(reportKey(r))).map((r) => `${reportKey(r)}\t${r.message}`);
    expect(unjudged, 'reports the expectations file does not hold: judge each (true or false, and why) in test/fixtures/archive/lint-expectations.tsv').toEqual(
      [],
    );
    const lost = expectations.filter((e) => e.verdict && !got.has(e.key)).map((e) => e.key);
    expect(lost, 'reports judged true that lint no longer gives: recall lost').toEqual([]);
    const stale = expectations.filter((e) => !e.verdict && !got.has(e.key)).map((e) => e.key);
    expect(stale, 'reports judged false that are gone: take their lines out of the expectations file').toEqual([]);

    const rows = precision(reports, expectations);
    const all = rows.reduce((sum, row) => ({ reports: sum.reports + row.reports, true: sum.true + row.true }), { reports: 0, true: 0 });
    expect(all.true / all.reports).toBeGreaterThanOrEqual(0.9);
    for (const row of rows) {
      expect(row.true / row.reports, `${row.rule}: ${row.true} of ${row.reports} true`).toBeGreaterThanOrEqual(0.75);
      expect(row.falseErrors, `${row.rule}: errors judged false`).toBe(0);
    }
  });
});
