import { defineRule } from '../rule.js';
import { parseUrl, urlMatches, urlsOf } from '../source.js';

const DEFAULT_HOSTS = ['t.e2ma.net', 'e2ma.net/click', 'list-manage.com/track', 'click.pstmrk.it', 'sendgrid.net/ls/click', 'links.mkt', 'mailchi.mp'];

export const trackingLink = defineRule({
  id: 'tracking-link',
  defaultSeverity: 'error',
  description: "Links through an email platform's click-tracking redirect, copied from a sent email: they expire and track blog readers.",
  options: { hosts: { type: 'string[]', default: DEFAULT_HOSTS, description: 'hosts (or host/path prefixes) of click-tracking redirects' } },
  examples: {
    ok: [{ files: { 'foundation.md': '* Join the [University Partnership Program](https://openinfra.org/upp/).' } }],
    notOk: [
      {
        files: { 'foundation.md': '* Join the [University Partnership Program](https://t.e2ma.net/click/el3ini/ulijjyje/io48z8).' },
        messages: ['foundation.md:1:12 this link is a click-tracking redirect (t.e2ma.net); open it and use the address it leads to.'],
      },
    ],
  },
  check({ docs, options, report }) {
    for (const { file, doc } of docs) {
      for (const { url, range } of urlsOf(doc)) {
        const parsed = parseUrl(url);
        if (parsed && options.hosts.some((h) => urlMatches(parsed, h))) {
          report({ file, ...range, message: `this link is a click-tracking redirect (${parsed.hostname}); open it and use the address it leads to.` });
        }
      }
    }
  },
});
