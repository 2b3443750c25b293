import { describe, expect, it } from 'vitest';
import { issuesTouchedBy } from '../../src/core/issue/changes.js';
import { parseIssueSlug } from '../../src/core/issue/slug.js';

const known = ['april-2025', 'may-2025', 'june-2025'].map(parseIssueSlug);
const slugs = (changed: string[]) => issuesTouchedBy(changed, known).issues.map((id) => id.slug);

describe('the issues a change touches (lint --since)', () => {
  it('are those with a changed file under sections/, if they still exist', () => {
    expect(slugs(['sections/may-2025/kata.md', 'sections/may-2025/issue.md', 'sections/july-2025/issue.md'])).toEqual(['may-2025']);
    expect(slugs(['README.md', '.github/workflows/newsletter.yml', 'sections/README.md', 'dist/may-2025/email.html'])).toEqual([]);
  });

  it('are all of them when the config (either name) or a template changed, with the file that made it so', () => {
    for (const shared of ['newsletter.config.yaml', 'newsletter.config.yml', 'templates/email.mjml.hbs']) {
      expect(issuesTouchedBy(['sections/may-2025/kata.md', shared], known)).toEqual({ everyIssueBecause: shared, issues: known });
    }
    expect(issuesTouchedBy(['other/newsletter.config.yaml', 'docs/templates/x'], known)).toEqual({ everyIssueBecause: undefined, issues: [] });
  });
});
