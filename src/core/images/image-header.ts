import { imageSize } from 'image-size';

/**
 * What an image file is, read from its first bytes, never from its name: its format by its
 * magic number, and its size in pixels where the header holds it. The work is bounded by the
 * prefix given (IMAGE_HEADER_BYTES), whatever the file holds.
 */
export interface ImageHeader {
  /** png, jpg, gif, webp, svg, avif, heic, bmp, tif; undefined when the bytes are no image format. */
  format: string | undefined;
  width?: number;
  height?: number;
}

/** Enough for any header, a JPEG's included (its size follows the EXIF block, at most 64 KB). */
export const IMAGE_HEADER_BYTES = 192 * 1024;

/** Where image-size looks: the formats whose header is at the start, and those (AVIF, HEIC) made of boxes. */
const SMALL_HEADER_BYTES = 8 * 1024;
const BOX_HEADER_BYTES = 64 * 1024;

const startsWith = (bytes: Uint8Array, magic: number[], at = 0): boolean => magic.every((byte, i) => bytes[at + i] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

function sniffFormat(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpg';
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (head.startsWith('BM')) return 'bmp';
  if (head.startsWith('II*\u0000') || head.startsWith('MM\u0000*')) return 'tif';
  if (head.slice(4, 8) === 'ftyp') {
    const brand = head.slice(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)) return 'heic';
  }
  // SVG is text: an XML declaration, comments or a doctype may come first, then <svg.
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, SMALL_HEADER_BYTES)).replace(/^\uFEFF/, '');
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg[\s>]/i.test(text)) return 'svg';
  return undefined;
}

/** A JPEG's size, from its first frame header: segment by segment, never byte by byte. */
function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 <= bytes.length) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = view.getUint16(at + 2);
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}

/** The header of an image from its first bytes (give at least IMAGE_HEADER_BYTES of a larger file). */
export function readImageHeader(prefix: Uint8Array): ImageHeader {
  const format = sniffFormat(prefix);
  if (format === undefined) return { format };
  let size: { width?: number; height?: number } | undefined;
  if (format === 'jpg') size = jpegSize(prefix);
  else {
    try {
      size = imageSize(prefix.subarray(0, format === 'avif' || format === 'heic' ? BOX_HEADER_BYTES : SMALL_HEADER_BYTES));
    } catch {
      // A header cut short or malformed: the format is known, the size is not.
    }
  }
  return { format, ...(size?.width !== undefined ? { width: size.width } : {}), ...(size?.height !== undefined ? { height: size.height } : {}) };
}
