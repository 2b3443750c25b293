import type { SectionConfig } from './config-types.js';

/** The sections of Inside Open Infrastructure, with the headings and taglines the issues use. */
export const DEFAULT_SECTIONS: SectionConfig[] = [
  {
    id: 'spotlight',
    heading: 'Spotlight',
    required: true,
    inNewIssue: true,
    aliases: [],
    guide:
      'The lead story. Set its headline as `title` above, then write two to four short paragraphs. Give every image alt text: ![What the picture shows](/img/file.png).',
  },
  {
    id: 'foundation',
    heading: 'OpenInfra Foundation News',
    required: true,
    inNewIssue: true,
    aliases: ['OpenInfra Foundation', 'Foundation News'],
    guide: 'Foundation news as a bulleted list, one item per announcement, each with a link to read more.',
  },
  {
    id: 'openstack',
    heading: 'OpenStack',
    tagline: 'Open source software for creating private and public clouds',
    required: false,
    inNewIssue: true,
    aliases: [],
    guide: 'OpenStack news as a bulleted list: releases, elections, calls for participation.',
  },
  {
    id: 'kata',
    heading: 'Kata Containers',
    tagline: 'The speed of containers, the security of VMs',
    required: false,
    inNewIssue: true,
    aliases: ['Kata'],
    guide: 'Kata Containers news as a bulleted list: releases and community updates.',
  },
  {
    id: 'starlingx',
    heading: 'StarlingX',
    tagline: 'A fully featured cloud for the distributed edge',
    required: false,
    inNewIssue: true,
    aliases: [],
    guide: 'StarlingX news as a bulleted list: releases and community updates.',
  },
  {
    id: 'zuul',
    heading: 'Zuul',
    tagline: 'Stop merging broken code',
    required: false,
    inNewIssue: false,
    aliases: [],
    guide: 'Zuul news as a bulleted list.',
  },
  {
    id: 'opendev',
    heading: 'OpenDev',
    tagline: 'Free software needs free tools',
    required: false,
    inNewIssue: false,
    aliases: ['OpenDev Collaboratory'],
    guide: 'OpenDev news as a bulleted list.',
  },
  {
    id: 'events',
    heading: 'Community Events',
    required: true,
    inNewIssue: true,
    aliases: ['Upcoming OpenInfra and Community Events', 'More OpenInfra Community Events', 'Upcoming Events'],
    // Events are data: their days, deadlines and calendar links are checked and written for the writer.
    guide: [
      'Upcoming events only, as data in the front matter above. They render after any words',
      'you write here; for words after them ("Visit ... for the full list"), put a line with',
      'just the HTML comment "events" where the events go (sections/README.md shows it, as',
      "does the newsletter's README).",
      '',
      'events:',
      '  - name: OpenInfra Summit Europe',
      '    url: https://summit2025.openinfra.org/',
      '    start: 2025-10-17        # YYYY-MM-DD',
      '    end: 2025-10-19          # optional, the last day',
      '    location: Paris-Saclay, France',
      '    deadlines:               # optional; passed ones are left out',
      '      - label: Submit a talk',
      '        url: https://summit2025.openinfra.org/cfp/',
      '        date: 2025-06-13T23:59',
      '        timezone: America/Los_Angeles',
      '    links:                   # optional: Register, Sponsor...',
      '      - label: Register',
      '        url: https://summit2025.openinfra.org/register/',
      '',
      'Remove events that will be over when the issue goes out; lint says which.',
    ].join('\n'),
  },
];

export const DEFAULT_CONFIG_VALUES = {
  name: 'Inside Open Infrastructure',
  // What the site's 2026 newsletter posts do; with a checkout of the site, `new` reads its latest post instead.
  site: 'https://openinfra.org',
  title: 'Inside Open Infrastructure: {Month} {year}',
  postUrl: 'https://openinfra.org/blog/openinfra-newsletter-{slug}',
  blogFile: 'inside-open-infrastructure-{slug}.md',
  author: 'Allison Price',
  description: 'The latest from the OpenInfra Foundation',
  twitterUsername: '@openinfradev',
  category: [{ value: 'category-h2Ztx9rpD', label: 'Community' }],
  hidePost: false,
  /** Where an issue's own images are served on the site ({slug} stands for the issue). */
  imagePath: '/img/newsletter/{slug}/',
  /** The site's repository, laid out as OpenStackweb/osf-website. */
  siteLayout: {
    blogDir: 'src/pages/blog',
    imageDir: 'static/img',
    imageUrl: '/img/',
    // What the site knows, which lint checks a post against: its CMS config (the blog fields), authors and categories.
    authorDir: 'src/pages/author',
    cmsConfig: 'static/admin/config.yml',
    blogConfig: 'src/content/blog-config.json',
    // Calendar invites, served at inviteUrl; the site keeps its own there already. The site's event list.
    inviteDir: 'static/invites',
    inviteUrl: '/invites/',
    eventsPage: 'src/pages/days/index.md',
    summits: 'src/content/upcoming-summits.json',
  },
  /** The time zone of an event deadline that names none (IANA). */
  timezone: 'UTC',
  headingLevel: 3,
  taglines: false,
  lang: 'en',
  email: {
    contactEmail: 'info@openinfra.dev',
    postalAddress: 'OpenInfra Foundation, P.O. Box 1903, Austin, TX 78767, USA',
    // No platform's merge tag by default: a tag of the wrong platform shows, literally, to every reader.
    platform: 'none' as 'mailchimp' | 'emma' | 'none',
    unsubscribeUrl: undefined as string | undefined,
    from: undefined as string | undefined,
    smtp: undefined as { host: string; port: number; secure: boolean; user: string | undefined } | undefined,
    fontFamily: 'Helvetica, Arial, sans-serif',
    fontUrl: undefined as string | undefined,
    accentColor: '#f15b3e',
    // Campaign tagging of web links in the email; false turns it off. {slug} is the issue.
    utm: { source: 'newsletter', medium: 'email', campaign: '{slug}' } as { source: string; medium: string; campaign: string } | false,
  },
};
