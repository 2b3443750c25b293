import { describe, expect, it } from 'vitest';
import { defaultConfig, validateConfig } from '../../src/core/config/config.js';
import { renderEmailText, wrap } from '../../src/core/email/render-text.js';
import { builtinTemplate, issueFrom, sampleIssue } from '../helpers/issue.js';

const template = builtinTemplate('email.txt.hbs');

describe('plain-text email', () => {
  it('carries headings, paragraphs, items and each link URL, and the footer', () => {
    const text = renderEmailText(
      issueFrom({
        'openstack.md': 'A paragraph with [a link](https://example.org/a) and <b>html</b> &amp; more.\n\n* one\n  * nested [x](/rel)\n* two',
      }),
      defaultConfig(),
      template,
    );
    expect(text).toContain('OpenStack\n---------');
    const utm = 'utm_source=newsletter&utm_medium=email&utm_campaign=april-2025';
    expect(text.replace(/\s+/g, ' ')).toContain(`A paragraph with a link (https://example.org/a?${utm}) and html & more.`);
    // A long URL stands on its own line, indented under its item.
    expect(text).toContain(`- one\n  - nested x\n    (https://openinfra.org/rel?${utm})\n- two`);
    // No platform is the default: the footer says in words how to unsubscribe.
    expect(text).toContain('To unsubscribe, write to info@openinfra.dev with the subject "Unsubscribe".');
    expect(text).not.toMatch(/<[a-z]/i);
    const mailchimp = renderEmailText(issueFrom({ 'kata.md': '* Kata' }), validateConfig({ email: { platform: 'mailchimp' } }, 'test.yaml'), template);
    expect(mailchimp).toContain('Unsubscribe: *|UNSUB|*');
    expect(mailchimp).not.toContain('To unsubscribe, write');
  });

  it('has every link of the sample issue', () => {
    const text = renderEmailText(sampleIssue(), defaultConfig(), template);
    for (const url of [
      'https://summit2025.openinfra.org/cfp/',
      'https://www.starlingx.io/blog/starlingx-release-10/',
      'events@openinfra.dev',
      'https://register.socallinuxexpo.org/reg6/',
    ]) {
      expect(text).toContain(url);
    }
    expect(text).toContain('Insert Spotlight');
  });

  it('wraps at word boundaries and never breaks a URL', () => {
    const url = `https://example.org/${'x'.repeat(90)}`;
    expect(wrap(`short words ${url} after`, 20)).toBe(`short words\n${url}\nafter`);
  });
});
