import { describe, expect, it } from 'vitest';
import { compareUrl, githubRepository, isPublishCommit, renderCommitMessage, withoutCredentials } from '../../src/core/site/pull-request.js';

describe("the pull request's page", () => {
  it.each([
    'https://github.com/OpenStackweb/osf-website.git',
    'https://github.com/OpenStackweb/osf-website',
    'https://github.com/OpenStackweb/osf-website/',
    'https://x-access-token:ghp_abc@github.com/OpenStackweb/osf-website.git',
    'http://github.com/OpenStackweb/osf-website.git',
    'git@github.com:OpenStackweb/osf-website.git',
    'github.com:OpenStackweb/osf-website',
    'ssh://git@github.com/OpenStackweb/osf-website',
    'ssh://git@github.com:22/OpenStackweb/osf-website.git',
    'git://github.com/OpenStackweb/osf-website.git',
  ])('is made from %s', (url) => {
    expect(compareUrl(url, 'main', 'newsletter-may-2025')).toBe('https://github.com/OpenStackweb/osf-website/compare/main...newsletter-may-2025?expand=1');
  });

  it.each([
    '/srv/git/osf-website.git',
    'file:///srv/git/osf-website.git',
    'https://gitlab.com/OpenStackweb/osf-website.git',
    'https://github.com.evil.example/OpenStackweb/osf-website.git',
    'https://evil.example/github.com/OpenStackweb/osf-website.git',
    'git@github.example.org:OpenStackweb/osf-website.git',
    'https://github.com/OpenStackweb',
    'https://github.com/OpenStackweb/osf-website/tree/main',
  ])('is none for %s, which is not a repository on github.com', (url) => {
    expect(githubRepository(url)).toBeUndefined();
  });

  it('keeps slashes of a branch name and escapes what would end the address', () => {
    expect(compareUrl('git@github.com:o/r.git', 'release/2026', 'site/may#1&x')).toBe(
      'https://github.com/o/r/compare/release/2026...site/may%231%26x?expand=1',
    );
  });
});

describe('credentials in what is printed', () => {
  it("mask an http(s) address's user part whole (a token alone is one) and another's password", () => {
    expect(withoutCredentials("fatal: unable to access 'https://x-access-token:ghp_abc@github.com/o/r.git/': 403")).toBe(
      "fatal: unable to access 'https://***@github.com/o/r.git/': 403",
    );
    expect(withoutCredentials('https://ghp_abc@github.com/o/r')).toBe('https://***@github.com/o/r');
    expect(withoutCredentials('ssh://git:hunter2@example.org/r and ssh://git@example.org/r')).toBe('ssh://git:***@example.org/r and ssh://git@example.org/r');
    expect(withoutCredentials('git@github.com:o/r.git')).toBe('git@github.com:o/r.git');
  });
});

describe("the commit's message", () => {
  it("is the issue's title on one line, the files, and the trailer by which a later publish knows it", () => {
    const message = renderCommitMessage('Inside Open Infrastructure:\nMay 2025', 'may-2025', ['src/pages/blog/a.md'], ['static/img/old-0123abcd.png']);
    expect(message).toBe(
      'Inside Open Infrastructure: May 2025\n\nPublished with newsletter publish --branch:\n- src/pages/blog/a.md\n- static/img/old-0123abcd.png (removed: the post no longer shows it)\n\nNewsletter-Issue: may-2025\n',
    );
    expect(isPublishCommit(message, 'may-2025')).toBe(true);
    expect(isPublishCommit(message, 'june-2025')).toBe(false);
    expect(isPublishCommit('Fix a typo\n\nNewsletter-Issue: may-2025 was mentioned here\n', 'may-2025')).toBe(false);
    expect(isPublishCommit('Newsletter-Issue: may-2025\n\nthen more text\n', 'may-2025')).toBe(false);
  });
});
