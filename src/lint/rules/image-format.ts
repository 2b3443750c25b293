import { imageFileOf, imageUsesOf } from '../images.js';
import { defineRule } from '../rule.js';

/** What mail clients make of formats beyond JPEG, PNG and GIF (caniemail.com). */
const UNSHOWN: Record<string, { who: string; error: boolean }> = {
  webp: { who: 'Outlook for Windows and older mail apps', error: false },
  svg: { who: 'Gmail and Outlook', error: true },
  avif: { who: 'Gmail, Outlook and most mail apps', error: true },
  heic: { who: 'almost every mail client', error: true },
  tif: { who: 'almost every mail client', error: true },
  bmp: { who: 'many mail clients', error: true },
};

export const imageFormat = defineRule({
  id: 'image-format',
  defaultSeverity: 'error',
  uses: ['siteImage'],
  description:
    "An image in a format many mail clients cannot show: SVG, AVIF, HEIC, TIFF and BMP (errors) and WebP (a warning); JPEG, PNG and GIF show everywhere. The format is read from the file's bytes when it is known (an issue's own image must be the format its name says), else from the URL.",
  examples: {
    ok: [{ files: { 'kata.md': '![The Kata team](img/team.jpg) ![Logo](https://katacontainers.io/logo.png)' }, images: { 'img/team.jpg': { format: 'jpg' } } }],
    notOk: [
      {
        files: { 'kata.md': '![Kata logo](/img/kata-logo.svg)' },
        messages: ['kata.md:1:1 /img/kata-logo.svg is SVG, which Gmail and Outlook do not show; use PNG or JPEG in the email.'],
      },
      {
        files: { 'kata.md': '![The Kata team](img/team.webp)' },
        images: { 'img/team.webp': { format: 'webp' } },
        messages: ['kata.md:1:1 img/team.webp is WebP, which Outlook for Windows and older mail apps do not show; use PNG or JPEG in the email.'],
      },
    ],
  },
  async check(context) {
    for (const use of imageUsesOf(context)) {
      const file = await imageFileOf(use, context.siteImage);
      const format = file?.format ?? /\.([a-z0-9]+)$/i.exec(use.url.split(/[?#]/)[0]!)?.[1]?.toLowerCase().replace('tiff', 'tif');
      const unshown = format ? UNSHOWN[format] : undefined;
      if (!unshown) continue;
      context.report({
        file: use.file,
        ...use.range,
        ...(unshown.error ? {} : { severity: 'warn' as const }),
        message: `${use.url} is ${format === 'tif' ? 'TIFF' : format === 'webp' ? 'WebP' : format!.toUpperCase()}, which ${unshown.who} do not show; use PNG or JPEG in the email.`,
      });
    }
  },
});
