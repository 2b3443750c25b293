import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/errors.js';
import { defaultConfig, validateConfig } from '../../src/core/config/config.js';

function refusal(raw: unknown): CliError {
  try {
    validateConfig(raw, 'newsletter.config.yaml');
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error('config was accepted');
}

describe('config', () => {
  it('describes the OpenInfra newsletter by default', () => {
    const config = defaultConfig();
    expect(config.site).toBe('https://openinfra.org');
    // What the site's 2026 newsletter posts do.
    expect(config.postUrl).toBe('https://openinfra.org/blog/openinfra-newsletter-{slug}');
    expect(config.twitterUsername).toBe('@openinfradev');
    expect(config.category).toEqual([{ value: 'category-h2Ztx9rpD', label: 'Community' }]);
    expect([config.headingLevel, config.taglines]).toEqual([3, false]);
    expect(config.sections.map((s) => s.id)).toEqual(['spotlight', 'foundation', 'openstack', 'kata', 'starlingx', 'zuul', 'opendev', 'events']);
    expect(config.sections.filter((s) => s.inNewIssue).map((s) => s.id)).toEqual(['spotlight', 'foundation', 'openstack', 'kata', 'starlingx', 'events']);
    expect(config.sections.find((s) => s.id === 'kata')).toMatchObject({ heading: 'Kata Containers', tagline: 'The speed of containers, the security of VMs' });
  });

  it('merges a section given by id over its default', () => {
    const config = validateConfig(
      {
        sections: [
          { id: 'openstack', tagline: 'Clouds' },
          { id: 'news', heading: 'News' },
        ],
      },
      'c.yaml',
    );
    expect(config.sections).toEqual([
      expect.objectContaining({ id: 'openstack', heading: 'OpenStack', tagline: 'Clouds' }),
      expect.objectContaining({ id: 'news', heading: 'News', required: false }),
    ]);
  });

  it.each([
    [{ site: 'http://openinfra.dev' }, 'site', /https/],
    [{ headingLevel: 7 }, 'headingLevel', /1 to 4/],
    [{ sections: [{ id: 'Bad Id', heading: 'x' }] }, 'sections[0].id', /lower-case/],
    [{ sections: [{ id: 'x' }] }, 'sections[0].heading', /heading/],
    [
      {
        sections: [
          { id: 'a', heading: 'A' },
          { id: 'a', heading: 'B' },
        ],
      },
      'sections[1].id',
      /twice/,
    ],
    [{ rules: { placeholder: 'loud' } }, 'rules.placeholder', /error, warn or off/],
    [{ Site: 'https://x.org' }, 'Site', /did you mean site/],
    [{ email: { accentColor: 'orange' } }, 'email.accentColor', /#f15b3e/],
    [['a list'], '(top level)', /mapping/],
  ])('refuses %j naming the key and what is allowed (exit 2)', (raw, key, allowed) => {
    const error = refusal(raw);
    expect(error.kind).toBe('usage');
    expect(error.file).toBe('newsletter.config.yaml');
    expect(error.message.startsWith(`${key}:`)).toBe(true);
    expect(error.message).toMatch(allowed);
  });
});
