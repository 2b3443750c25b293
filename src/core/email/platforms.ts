import type { Config } from '../config/config-types.js';

/**
 * The mail platforms whose merge tags the footer can carry, each tag from the platform's own
 * documentation. A tag of the wrong platform reaches every reader as literal text, so none is
 * the default, and any other platform's tag goes in email.unsubscribeUrl.
 */
export const PLATFORMS = {
  // Mailchimp's unsubscribe merge tag (https://mailchimp.com/help/all-the-merge-tags-cheat-sheet/).
  mailchimp: { unsubscribe: '*|UNSUB|*' },
  // Emma (myemma.com), the OpenInfra Foundation's platform. Its merge tags are written [% ... %]:
  // the form of Emma's API reference (api.myemma.com: "Hello [% member:first_name %]!"). The
  // opt-out tag's name, `unsubscribe`, is our best reading, not found in the Emma documentation
  // we could read: check the first test send from Emma. Should the tag show as text there, put
  // the one Emma's editor inserts in email.unsubscribeUrl, which wins over this one.
  emma: { unsubscribe: '[% unsubscribe %]' },
  none: { unsubscribe: undefined },
} as const satisfies Record<Config['email']['platform'], { unsubscribe: string | undefined }>;

/** The footer's unsubscribe link: config's own URL or tag, else the platform's, else none. */
export function unsubscribeUrlOf(config: Pick<Config, 'email'>): string | undefined {
  return config.email.unsubscribeUrl ?? PLATFORMS[config.email.platform].unsubscribe;
}
