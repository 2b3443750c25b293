import { absoluteUrl, isMergeTag } from '../../core/markdown/urls.js';
import { urlsOf } from '../source.js';
import { defineRule } from '../rule.js';

export const deadLink = defineRule({
  id: 'dead-link',
  defaultSeverity: 'error',
  needs: ['checkLinks'],
  description:
    'With `lint --online` only: a link or image that does not answer (4xx, 5xx, a host that does not exist, a TLS failure, no answer in 10 s) is an error; one that moved permanently is a warning that gives its new address. Not checked, and said so in a warning: a loopback or private address (unless --allow-private), a link-local one (never), and what is left when the deadline (--online-deadline, 60 s) runs out.',
  examples: {
    ok: [{ files: { 'kata.md': '[The Kata documentation](https://katacontainers.io/docs/) (checked only with --online)' } }],
    notOk: [],
  },
  async check({ docs, issue, config, checkLinks, report }) {
    const uses = docs
      .flatMap(({ file, doc }) => urlsOf(doc).map((use) => ({ file, range: use.range, url: absoluteUrl(use.url, config.site, issue.meta.seo.url) })))
      .filter((use) => /^https?:\/\//i.test(use.url) && !isMergeTag(use.url));
    const found = await checkLinks(uses.map((use) => use.url));
    for (const use of uses) {
      const status = found.get(use.url);
      if (!status) continue;
      if (status.ok === 'unchecked') report({ file: use.file, ...use.range, severity: 'warn', message: `${use.url} was not checked: ${status.reason}.` });
      else if (!status.ok) report({ file: use.file, ...use.range, message: `${use.url} ${status.problem}; fix the address, or remove it.` });
      else if (status.movedTo)
        report({ file: use.file, ...use.range, severity: 'warn', message: `${use.url} has moved for good to ${status.movedTo}; link there instead.` });
    }
  },
});
