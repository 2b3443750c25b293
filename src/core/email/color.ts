/*
 * Colour contrast as WCAG 2.1 measures it (relative luminance, 1.4.3), and the shades of a
 * workspace's accent colour that text can use: whatever accent is configured, text drawn in
 * it reaches the contrast AA asks for on every background it sits on.
 */

/** WCAG 2.1 AA: 4.5 to 1 for text (3 to 1 would do for large text, which the accent never colours alone). */
export const AA_TEXT = 4.5;

type Rgb = [number, number, number];

function rgbOf(hex: string): Rgb {
  const value = hex.replace(/^#/, '');
  return [0, 2, 4].map((i) => parseInt(value.slice(i, i + 2), 16)) as Rgb;
}

function hexOf(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colour nearest to `color` (mixed toward black, or toward white with `lighter`) that
 * reaches `ratio` against every one of `backgrounds`; `color` itself when it already does.
 */
export function readableShade(color: string, backgrounds: readonly string[], ratio: number, lighter = false): string {
  const target: Rgb = lighter ? [255, 255, 255] : [0, 0, 0];
  const from = rgbOf(color);
  for (let step = 0; step <= 100; step++) {
    const mixed = hexOf(from.map((c, i) => c + ((target[i]! - c) * step) / 100) as Rgb);
    if (backgrounds.every((background) => contrastRatio(mixed, background) >= ratio)) return mixed;
  }
  return hexOf(target);
}
