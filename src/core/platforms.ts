import type { Config } from './config-types.js';

/**
 * The mail platforms whose merge tags the footer can carry, each tag from the platform's own
 * documentation. A tag of the wrong platform reaches every reader as literal text, so none is
 * the default, and any other platform's tag goes in email.unsubscribeUrl.
 */
export const PLATFORMS = {
  // Mailchimp's unsubscribe merge tag (https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/).
  mailchimp: { unsubscribe: '*|UNSUB|*' },
  none: { unsubscribe: undefined },
} as const satisfies Record<Config['email']['platform'], { unsubscribe: string | undefined }>;

/** The footer's unsubscribe link: config's own URL or tag, else the platform's, else none. */
export function unsubscribeUrlOf(config: Pick<Config, 'email'>): string | undefined {
  return config.email.unsubscribeUrl ?? PLATFORMS[config.email.platform].unsubscribe;
}
