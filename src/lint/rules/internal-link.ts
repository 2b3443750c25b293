import { defineRule } from '../rule.js';
import { parseUrl, urlMatches, urlsOf } from '../source.js';

const DEFAULT_HOSTS = ['docs.google.com', 'drive.google.com', 'localhost', '127.0.0.1'];

export const internalLink = defineRule({
  id: 'internal-link',
  defaultSeverity: 'error',
  description: 'Links to working documents no reader can open.',
  options: { hosts: { type: 'string[]', default: DEFAULT_HOSTS, description: 'hosts (or host/path prefixes) of working documents' } },
  examples: {
    ok: [{ files: { 'openstack.md': '## [OpenStack](https://www.openstack.org/)' } }],
    notOk: [
      {
        files: { 'openstack.md': '## [OpenStack](https://docs.google.com/document/d/1dK_dHXjYPZ/edit)' },
        messages: ['openstack.md:1:4 this link goes to docs.google.com, a working document readers cannot open; link to the published page instead.'],
      },
      {
        files: { 'openstack.md': 'Preview at [the site](http://localhost:8000/blog).' },
        messages: ['openstack.md:1:12 this link goes to localhost, a working document readers cannot open; link to the published page instead.'],
      },
    ],
  },
  check({ docs, options, report }) {
    for (const { file, doc } of docs) {
      for (const { url, range } of urlsOf(doc)) {
        const parsed = parseUrl(url);
        const host = parsed && options.hosts.find((h) => urlMatches(parsed, h));
        if (host)
          report({
            file,
            ...range,
            message: `this link goes to ${parsed!.hostname}, a working document readers cannot open; link to the published page instead.`,
          });
      }
    }
  },
});
