import { clientFamilies } from '../../core/email/email-compat.js';
import { renderEmailHtml } from '../../core/email/email-blocks.js';
import { nodeRange, nodesOfType } from '../source.js';
import { defineRule } from '../rule.js';

const DEFAULT_CLIENTS = ['gmail.*', 'outlook.*', 'apple-mail.*', 'yahoo.*'];

/**
 * What the built-in template uses knowingly, and why each is safe; a workspace's own template
 * may use them too. Anything else a template uses is reported at its line.
 */
export const TEMPLATE_FEATURES_SAFE: Record<string, string> = {
  '@media': 'only the dark-mode styles sit in a media query: a client without them shows the light design, which is complete',
  'Class selector': 'the rules that matter are inlined into style attributes by MJML (mj-style inline); the rest is dark mode',
  'Type selector': 'likewise inlined by MJML',
  'Descendant combinator': 'likewise inlined by MJML, or dark mode',
  'Child combinator': 'likewise inlined by MJML, or dark mode',
  'word-break': 'lets long URLs wrap where supported; without it the column holds (the 375 px browser test)',
  'overflow-wrap': 'the same, for long words',
  overflow: 'caniemail reads overflow-wrap as overflow; the template sets no overflow',
  'height property': 'caniemail reads line-height as height; the template sets no height in CSS',
};

/** Handlebars placeholders become as many x's, so that the CSS parses and columns stay where they were. */
const PLACEHOLDER = /\{\{\{?[^{}]*\}?\}\}/g;
const BLOCK = /<(mj-style|mj-raw)\b[^>]*>([\s\S]*?)<\/\1>/g;

export const emailCompat = defineRule({
  id: 'email-compat',
  defaultSeverity: 'warn',
  needs: ['compat'],
  description:
    "HTML or CSS that some of the configured mail clients do not show at all (caniemail.com's data): a fragment's own HTML, at its line, and a workspace template's styles and raw HTML, at the template's line. The built-in template's known features are documented as safe.",
  options: {
    clients: { type: 'string[]', default: DEFAULT_CLIENTS, description: 'caniemail client globs: the Gmail, Outlook, Apple Mail and Yahoo families' },
  },
  examples: {
    ok: [{ files: { 'kata.md': 'Kata 3.14 is <b>out</b>, with <sup>1</sup> footnote.' } }],
    notOk: [
      {
        files: { 'kata.md': 'The logo:\n\n<picture><source media="(min-width: 600px)"><img src="/img/kata.png" alt="The Kata logo"></picture>\n' },
        messages: ['kata.md:3:1 "<picture> element" is not shown by Gmail, Outlook, Yahoo (caniemail.com); write it as plain Markdown for the email.'],
      },
    ],
  },
  check({ docs, config, options, compat, emailTemplate, report }) {
    const clients = options.clients;
    const urls = { site: config.site, postUrl: config.postUrl };
    // Inline HTML is one node per tag, and a fragment repeats its few tags (<span>, </span>) line
    // after line: each distinct piece is rendered and looked up once (the findings depend on its text alone).
    const findingsOf = new Map<string, ReturnType<typeof compat>>();
    const findings = (value: string): ReturnType<typeof compat> => {
      const known = findingsOf.get(value);
      if (known) return known;
      // What reaches the email: the writer's HTML after the allowlist, which drops most of what clients lack.
      const html = renderEmailHtml({ type: 'root', children: [{ type: 'html', value }] }, urls, '');
      const found = /<[a-z]/i.test(html) ? compat({ html }, clients) : [];
      findingsOf.set(value, found);
      return found;
    };
    for (const { file, doc, at } of docs) {
      if (at) continue;
      for (const node of nodesOfType(doc, 'html')) {
        const seen = new Set<string>();
        for (const finding of findings(node.value)) {
          if (seen.has(finding.feature)) continue;
          seen.add(finding.feature);
          report({
            file,
            ...nodeRange(node),
            message: `"${finding.feature}" is not shown by ${clientFamilies(finding.clients)} (caniemail.com); write it as plain Markdown for the email.`,
          });
        }
      }
    }
    // The built-in template is the CLI's own, checked by its tests; a workspace's own is checked here.
    if (!emailTemplate || !emailTemplate.path.startsWith('templates/')) return;
    for (const block of emailTemplate.text.matchAll(BLOCK)) {
      const before = emailTemplate.text.slice(0, block.index! + block[0].indexOf('>') + 1);
      const firstLine = before.split('\n').length;
      const code = block[2]!.replace(PLACEHOLDER, (placeholder) => 'x'.repeat(placeholder.length));
      for (const finding of compat(block[1] === 'mj-style' ? { css: code } : { html: code }, clients)) {
        if (Object.hasOwn(TEMPLATE_FEATURES_SAFE, finding.feature)) continue;
        report({
          file: emailTemplate.path,
          line: firstLine + finding.line - 1,
          column: finding.column,
          message: `"${finding.feature}" is not shown by ${clientFamilies(finding.clients)} (caniemail.com); keep the email readable without it, or leave it out.`,
        });
      }
    }
  },
});
