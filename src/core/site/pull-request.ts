/*
 * What `publish --branch` says in git and where it sends the editor: the commit's message (and
 * the trailer by which a later publish knows the branch for its own), the branch's default name,
 * the address of GitHub's page that opens the pull request, and remote addresses with their
 * credentials masked. Pure: io/site-branch.ts asks git, this decides what it means.
 */

/** The trailer that marks a commit as this tool's publish of one issue. */
export const ISSUE_TRAILER = 'Newsletter-Issue';

/** The branch publish --branch makes when given no name. */
export function defaultBranchName(slug: string): string {
  return `newsletter-${slug}`;
}

/**
 * The commit's message: the issue's title (one line, whatever the front matter held), the files
 * it writes and removes, and the trailer naming the issue.
 */
export function renderCommitMessage(title: string, slug: string, written: readonly string[], removed: readonly string[]): string {
  const subject = title.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim() || slug;
  const lines = [subject, '', 'Published with newsletter publish --branch:'];
  for (const file of written) lines.push(`- ${file}`);
  for (const file of removed) lines.push(`- ${file} (removed: the post no longer shows it)`);
  lines.push('', `${ISSUE_TRAILER}: ${slug}`);
  return `${lines.join('\n')}\n`;
}

/** Whether a commit's message is this tool's publish of `slug` (its trailer, in the message's last paragraph). */
export function isPublishCommit(message: string, slug: string): boolean {
  const paragraphs = message.trimEnd().split(/\n\s*\n/);
  return (paragraphs.at(-1) ?? '').split('\n').some((line) => line.trim() === `${ISSUE_TRAILER}: ${slug}`);
}

/**
 * GitHub's page that opens a pull request from `branch` into `base` of the repository a remote
 * names, in any of the forms git accepts for github.com (https, ssh, scp-like `git@github.com:o/r`,
 * git://); none for another host, whose pull requests (if any) this cannot know.
 */
export function compareUrl(remoteUrl: string, base: string, branch: string): string | undefined {
  const repository = githubRepository(remoteUrl);
  if (!repository) return undefined;
  // A branch name may hold `#`, `%` or `&`, which would end or change the address; its slashes are GitHub's to read.
  const ref = (name: string) => encodeURIComponent(name).replace(/%2F/g, '/');
  return `https://github.com/${repository}/compare/${ref(base)}...${ref(branch)}?expand=1`;
}

/** `owner/name` of a github.com remote address, else undefined. */
export function githubRepository(remoteUrl: string): string | undefined {
  const url = remoteUrl.trim();
  const path =
    /^(?:https?|ssh|git|git\+ssh|ssh\+git):\/\/(?:[^@/]*@)?(?:www\.)?github\.com(?::\d+)?\/(.+)$/i.exec(url)?.[1] ??
    /^(?:[^@/:]+@)?github\.com:(?!\/)(.+)$/i.exec(url)?.[1];
  const match = path === undefined ? null : /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+?)(?:\.git)?\/?$/.exec(path);
  if (!match || match[2] === '.' || match[2] === '..') return undefined;
  return `${match[1]}/${match[2]}`;
}

/**
 * Text with the credentials of every address in it masked: all of an http(s) address's user part
 * (a token is often the user alone: https://TOKEN@github.com/...), the password of any other.
 * Everything publish prints that came from git or a remote's address goes through it.
 */
export function withoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^\s/@]+)@/gi, (_all, scheme: string, user: string) => {
    if (/^https?:\/\/$/i.test(scheme)) return `${scheme}***@`;
    const colon = user.indexOf(':');
    return colon === -1 ? `${scheme}${user}@` : `${scheme}${user.slice(0, colon)}:***@`;
  });
}
