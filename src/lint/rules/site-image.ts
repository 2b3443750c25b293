import { imageUsesOf } from '../images.js';
import type { Rule } from '../types.js';

export const siteImage: Rule = {
  id: 'site-image',
  defaultSeverity: 'error',
  description: 'A site image (/img/...) that the checkout of the site does not hold, when one is known (lint --site DIR, or config siteRepo): the post and the email would show it broken.',
  examples: {
    ok: [{ files: { 'kata.md': '![Sponsors](/img/sponsors.png)' }, site: { 'static/img/sponsors.png': {} } }],
    notOk: [
      { files: { 'kata.md': '![Sponsors](/img/sponsor.png)' }, site: { 'static/img/sponsors.png': {} }, messages: ['kata.md:1:1 /img/sponsor.png is not in the site checkout (static/img/sponsor.png); add it to the site, or fix the path.'] },
    ],
  },
  async check(context) {
    if (!context.siteImage) return;
    for (const use of imageUsesOf(context)) {
      if (!use.siteFile || (await context.siteImage(use.siteFile))) continue;
      context.report({ file: use.file, ...use.range, message: `${use.url} is not in the site checkout (${use.siteFile}); add it to the site, or fix the path.` });
    }
  },
};
