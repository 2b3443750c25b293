import { defineRule } from '../rule.js';
import { matchRange, textNodes } from '../source.js';

const DEFAULT_NAMES = ['OpenStack', 'OpenInfra', 'StarlingX', 'Kata Containers', 'Zuul', 'OpenDev'];

/** "OpenStack" as openstack, Open Stack, Open-Stack...: each capital may start a separate word. */
function variantsOf(name: string): RegExp {
  const parts = name
    .split(/(?=[A-Z])|\s+/)
    .filter(Boolean)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![\\w./@#-])${parts.join('[\\s-]?')}(?![\\w@]|\\.[a-z]|[-/][\\w])`, 'gi');
}

export const brandName = defineRule({
  id: 'brand-name',
  defaultSeverity: 'error',
  fixable: true,
  description:
    'A product name spelt otherwise than configured (Openstack, Open Infra, Starlingx...), outside URLs, code and all-capital text: an error in a title, subject, preheader or heading, a warning in the body. --fix writes it as configured.',
  options: { names: { type: 'string[]', default: DEFAULT_NAMES, description: 'the names to check, each as it must be spelt' } },
  examples: {
    ok: [{ files: { 'kata.md': 'OpenStack and Kata Containers at opendev.org, `openstack server list`, OPENSTACK DAY, the Zuul CI docs at zuul-ci.org.' } }],
    notOk: [
      {
        files: { 'kata.md': 'Run Openstack today.' },
        messages: ['kata.md:1:5 "Openstack" is spelt "OpenStack".'],
        fixed: { 'kata.md': 'Run OpenStack today.' },
      },
      { files: { 'kata.md': 'Kata containers 3.14 is out.' }, messages: ['kata.md:1:1 "Kata containers" is spelt "Kata Containers".'] },
      { files: { 'kata.md': 'The Open Infra community.' }, messages: ['kata.md:1:5 "Open Infra" is spelt "OpenInfra".'] },
    ],
  },
  check({ docs, options, report }) {
    const patterns = options.names.map((name) => ({ name, pattern: variantsOf(name) }));
    for (const { file, doc, at } of docs) {
      for (const { node, value, parents } of textNodes(doc)) {
        const inTitle = at !== undefined || parents.some((p) => p.type === 'heading');
        // Link text that is the URL itself is an address, not a name.
        const parent = parents.at(-1);
        if (parent?.type === 'link' && (parent.url === value || parent.url.endsWith(value))) continue;
        for (const { name, pattern } of patterns) {
          for (const match of value.matchAll(pattern)) {
            const found = match[0];
            if (found === name || found === found.toUpperCase()) continue;
            report({
              file,
              ...matchRange(doc, node, match.index ?? 0, found),
              message: `"${found}" is spelt "${name}".`,
              fix: { original: found, text: name },
              ...(inTitle ? {} : { severity: 'warn' as const }),
            });
          }
        }
      }
    }
  },
});
