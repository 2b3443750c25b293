import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/core/config/config.js';
import { parseIssue } from '../../src/core/issue/issue.js';
import { issueSourcesFrom } from '../helpers/issue.js';

// lint --all opens each issue twice (itself, then the next issue's `previous`) with one sources
// object: the second open reuses the first parse, and only while nothing it was parsed from changed.
describe('parseIssue reuses a parse of the same sources', () => {
  const files = {
    'issue.md': '---\ntitle: "Inside Open Infrastructure: April 2025"\n---\nWelcome.\n',
    'kata.md': '---\nstatus: ready\n---\nKata 3.14 is out.\n',
  };

  it('returns the same issue for the same sources object and config', () => {
    const sources = issueSourcesFrom(files);
    const config = defaultConfig();
    expect(parseIssue(sources, config)).toBe(parseIssue(sources, config));
  });

  it('parses anew for another config, another sources object, or a text changed in place', () => {
    const sources = issueSourcesFrom(files);
    const config = defaultConfig();
    const first = parseIssue(sources, config);
    expect(parseIssue(sources, defaultConfig())).not.toBe(first);
    expect(parseIssue(issueSourcesFrom(files), config)).not.toBe(first);
    const again = parseIssue(sources, config);
    sources.fragments[0]!.text = '---\nstatus: ready\n---\nKata 3.15 is out.\n';
    const edited = parseIssue(sources, config);
    expect(edited).not.toBe(again);
    expect(JSON.stringify(edited.fragments[0]!.doc.tree)).toContain('3.15');
  });

  it('parses anew when the image files were read again', () => {
    const sources = issueSourcesFrom(files);
    const config = defaultConfig();
    const first = parseIssue(sources, config);
    sources.images = [];
    expect(parseIssue(sources, config)).not.toBe(first);
  });
});
