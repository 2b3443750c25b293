import { siteImagePath } from '../../core/images/images.js';
import { imageUsesOf } from '../images.js';
import { defineRule } from '../rule.js';

export const siteImage = defineRule({
  id: 'site-image',
  defaultSeverity: 'error',
  needs: ['siteImage'],
  description:
    'A site image (/img/...) that the checkout of the site does not hold, when one is known (lint --site DIR, or config siteRepo): the post and the email would show it broken.',
  examples: {
    ok: [{ files: { 'kata.md': '![Sponsors](/img/sponsors.png)' }, site: { 'static/img/sponsors.png': {} } }],
    notOk: [
      {
        files: { 'kata.md': '![Sponsors](/img/sponsor.png)' },
        site: { 'static/img/sponsors.png': {} },
        messages: ['kata.md:1:1 /img/sponsor.png is not in the site checkout (static/img/sponsor.png); add it to the site, or fix the path.'],
      },
      // Decoded and resolved as a web server would, it leads out of the image folder: said alike whether the checkout has a file there or not.
      {
        files: { 'kata.md': '![Sponsors](/img/%2E%2E/sponsors.png)' },
        site: { 'sponsors.png': {} },
        messages: [
          "kata.md:1:1 /img/%2E%2E/sponsors.png leads out of the site's image folder (/img/, static/img in the checkout); put the image there, or fix the path.",
        ],
      },
    ],
  },
  async check(context) {
    const { imageUrl, imageDir } = context.config.siteLayout;
    for (const use of imageUsesOf(context)) {
      // Never looked up: whether a file is there out of the image folder is nothing lint may tell.
      if (!use.local && !use.siteFile && siteImagePath(context.config, use.url)?.outside) {
        context.report({
          file: use.file,
          ...use.range,
          message: `${use.url} leads out of the site's image folder (${imageUrl}, ${imageDir} in the checkout); put the image there, or fix the path.`,
        });
        continue;
      }
      if (!use.siteFile || (await context.siteImage(use.siteFile))) continue;
      context.report({
        file: use.file,
        ...use.range,
        message: `${use.url} is not in the site checkout (${use.siteFile}); add it to the site, or fix the path.`,
      });
    }
  },
});
