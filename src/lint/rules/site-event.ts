import { formatDayRange } from '../../core/events/events.js';
import { issueDateOf } from '../../core/issue/issue.js';
import { datedSiteEvents, sameEventUrl } from '../../core/site/site-events.js';
import { defineRule } from '../rule.js';

// Last year's edition first, at this year's link, as the site keeps it.
const DAYS_PAGE =
  '---\ncommunityEvents:\n  events:\n    - name: Alasca Summit 2025\n      link: https://alasca.cloud/en/alasca-summit-2026/\n      date: November 12-13, 2025\n      location: Dresden, Germany\n    - name: Alasca Summit\n      link: https://alasca.cloud/en/alasca-summit-2026/\n      date: November 3-4, 2026\n      location: Dresden, Germany\n---\n';
const ALASCA = (start: string) => `---\nevents:\n  - name: ALASCA Summit\n    url: https://alasca.cloud/en/alasca-summit-2026\n    start: ${start}\n---\n`;

export const siteEvent = defineRule({
  id: 'site-event',
  defaultSeverity: 'warn',
  needs: ['site'],
  description:
    "With a checkout of the site: an event of the issue whose link the site's own event list (its days page, its upcoming summits) also has, in the same year, on other days. One of them is out of date; readers may see both. Another year's edition at the same link, which the site keeps, is not compared.",
  examples: {
    ok: [
      {
        files: { 'issue.md': '---\ndate: 2026-09-02\n---\n', 'events.md': ALASCA('2026-11-03\n    end: 2026-11-04') },
        slug: 'august-2026',
        exampleSite: { 'src/pages/days/index.md': DAYS_PAGE },
      },
    ],
    notOk: [
      {
        files: { 'issue.md': '---\ndate: 2026-09-02\n---\n', 'events.md': ALASCA('2026-11-04') },
        slug: 'august-2026',
        exampleSite: { 'src/pages/days/index.md': DAYS_PAGE },
        messages: [
          'events.md:5:1 ALASCA Summit is on 4 November 2026 here, but the site says 3-4 November 2026 (src/pages/days/index.md); one of them is out of date.',
        ],
      },
    ],
  },
  check({ issue, site, report }) {
    if (site.events.length === 0) return;
    const { dated } = datedSiteEvents(site.events, issueDateOf(issue));
    for (const fragment of issue.fragments) {
      for (const event of fragment.events) {
        // The same edition: the site lists last year's at the same link, and that one is no news of this one.
        const listed = dated.find((d) => sameEventUrl(d.url, event.url) && d.start.slice(0, 4) === event.start.slice(0, 4));
        if (!listed || (listed.start === event.start && listed.end === event.end)) continue;
        report({
          file: fragment.path,
          line: event.startLine,
          message: `${event.name} is on ${formatDayRange(event.start, event.end, 'day-first')} here, but the site says ${formatDayRange(listed.start, listed.end, 'day-first')} (${listed.file}); one of them is out of date.`,
        });
      }
    }
  },
});
