import { imageFileOf, imageUsesOf } from '../images.js';
import { defineRule } from '../rule.js';

const MB = 1024 * 1024;
const megabytes = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export const imageSize = defineRule({
  id: 'image-size',
  defaultSeverity: 'error',
  uses: ['siteImage'],
  description:
    "An image too heavy for an email (a warning over warnBytes, an error over errorBytes), or wider than maxWidth pixels (a warning): the issue's own images, and the site's when a checkout of the site is known.",
  options: {
    warnBytes: { type: 'count', default: MB, description: 'warn over this many bytes (1 MB)' },
    errorBytes: { type: 'count', default: 5 * MB, description: 'an error over this many bytes (5 MB)' },
    maxWidth: { type: 'count', default: 2400, description: 'warn over this width in pixels' },
  },
  examples: {
    ok: [{ files: { 'kata.md': '![The Kata team](img/team.png)' }, images: { 'img/team.png': { bytes: 300_000, width: 1200 } } }],
    notOk: [
      {
        files: { 'kata.md': '![The Kata team](img/team.png)' },
        images: { 'img/team.png': { bytes: 6 * MB, width: 1200 } },
        messages: ['kata.md:1:1 img/team.png weighs 6.0 MB; over 5.0 MB many readers wait for it or never see it: export it under 1.0 MB.'],
      },
      {
        files: { 'kata.md': '![The Kata team](img/team.png)' },
        images: { 'img/team.png': { bytes: 1.5 * MB, width: 1200 } },
        messages: ["kata.md:1:1 img/team.png weighs 1.5 MB; keep an email's images under 1.0 MB each (1200 px wide JPEG or PNG is plenty)."],
      },
      {
        files: { 'kata.md': '![A wide banner](img/banner.png)' },
        images: { 'img/banner.png': { bytes: 200_000, width: 3000 } },
        messages: ['kata.md:1:1 img/banner.png is 3000 px wide; past 2400 px only adds weight (the email is 600 px wide; 1200 px is sharp on any screen).'],
      },
      {
        files: { 'kata.md': '![Sponsors](/img/sponsors.png)' },
        site: { 'static/img/sponsors.png': { bytes: 7 * MB, width: 1200 } },
        messages: ['kata.md:1:1 /img/sponsors.png weighs 7.0 MB; over 5.0 MB many readers wait for it or never see it: export it under 1.0 MB.'],
      },
    ],
  },
  async check(context) {
    const warnBytes = context.options.warnBytes;
    const errorBytes = context.options.errorBytes;
    const maxWidth = context.options.maxWidth;
    for (const use of imageUsesOf(context)) {
      const image = await imageFileOf(use, context.siteImage);
      if (!image) continue;
      const at = { file: use.file, ...use.range };
      if (image.bytes > errorBytes) {
        context.report({
          ...at,
          message: `${use.url} weighs ${megabytes(image.bytes)}; over ${megabytes(errorBytes)} many readers wait for it or never see it: export it under ${megabytes(warnBytes)}.`,
        });
      } else if (image.bytes > warnBytes) {
        context.report({
          ...at,
          severity: 'warn',
          message: `${use.url} weighs ${megabytes(image.bytes)}; keep an email's images under ${megabytes(warnBytes)} each (1200 px wide JPEG or PNG is plenty).`,
        });
      }
      if (image.width !== undefined && image.width > maxWidth) {
        context.report({
          ...at,
          severity: 'warn',
          message: `${use.url} is ${image.width} px wide; past ${maxWidth} px only adds weight (the email is 600 px wide; 1200 px is sharp on any screen).`,
        });
      }
    }
  },
});
