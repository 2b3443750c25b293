// Types of site-checkout.mjs, for the tests that import it.
export declare const CMS_CONFIG: string;
export declare const DAYS_PAGE: string;
export declare const UPCOMING_SUMMITS: string;
export declare const CATEGORIES: readonly (readonly [string, string])[];
export interface SiteOptions {
  /** Posts other than the newsletter ones (osf-website has about 125 in all). */
  otherPosts?: number;
  /** Authors besides the newsletter's (osf-website has about 40). */
  authors?: number;
  /** The post of several hundred KB with an inlined image, as the real site holds one (default: true). */
  largePost?: boolean;
}
/** That post's text (about 590 KB). */
export declare function largePost(): string;
/** The text files of a checkout, by path in it: its latest newsletter post is July 2026's, filed as inside-open-infrastructure-june-2026-1.md. */
export declare function siteFiles(options?: SiteOptions): Record<string, string>;
