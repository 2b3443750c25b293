// A checkout of the site laid out as OpenStackweb/osf-website (SITE-NOTES.md), with made-up
// values in the site's shapes: the Decap CMS config (flow mappings, trailing commas, flow lists
// closed under their dash, other collections around the blog's), one Markdown file per author,
// the blog config's categories, and posts of every kind (newsletter posts among them, the latest
// one filed under another month's name). For the tests (test/helpers/site.ts) and the bench.

export const CMS_CONFIG = `backend:
  name: github
  repo: example/site
  branch: main
  commit_messages:
    create: 'Create {{collection}} "{{slug}}"'

media_folder: static/img
public_folder: /img

collections:
  - name: "authors"
    label: "Authors"
    folder: "/src/pages/author"
    create: true
    identifier_field: authorName
    fields:
      - { label: "Template Key", name: "templateKey", widget: "hidden", default: "tags" }
      - { label: "Name", name: authorName, widget: string }
      - { label: "Company", name: company, widget: string }
  - name: "configurations"
    label: "Configurations"
    files:
      - file: "src/content/blog-config.json"
        label: "Blog Configuration"
        name: "blogConfig"
        fields:
          - { label: "Title", name: "title", widget: string }
          - { label: "Categories", name: "categories", widget: "list", fields: [
            { label: "Label", name: "text", widget: "string" },
            { label: "ID", name: "id", widget: ncw-id, prefix: category },
          ] }
  - name: "blog"
    label: "Blog"
    folder: "src/pages/blog"
    create: true
    slug: "{{slug}}"
    fields:
      - { label: "Template Key", name: "templateKey", widget: "hidden", default: "blog-post" }
      - { label: "Title", name: "title", widget: "string" }
      - { label: "Author", name: "author", widget: "relation", collection: "authors", searchFields: [ "authorName" ], valueField: "authorName" }
      - { label: "Publish Date", name: "date", widget: "datetime" }
      - { label: "Category", name: "category", widget: ncw-file-relation, collection: configurations, file: blogConfig, target_field: categories, id_field: id, display_fields: text, multiple: true }
      - { label: "Hide Post", name: "hidePost", widget: boolean, required: false, default: false }
      - { label: "SEO", name: "seo", widget: object, fields: [
        { label: "Title", name: "title", widget: string },
        { label: "Description", name: "description", widget: string },
        { label: "Url", name: "url", widget: string },
        { label: "Twitter Username", name: "twitterUsername", widget: string },
      ] }
      - { label: "Body", name: "body", widget: "markdown" }
  - name: "press"
    label: "Press"
    files:
      - file: "src/content/press.json"
        name: "articles"
        label: "Articles"
        fields:
          - { label: "Articles", name: "articles", widget: "list", fields: [
            { label: "Title", name: "title", widget: "text" },
            { label: "Date", name: "date", widget: "datetime" },
          ] }
`;

export const CATEGORIES = [
  ['News & Announcements', 'category-A7fnZYrE1'],
  ['Community', 'category-h2Ztx9rpD'],
  ['OpenStack', 'category-KMY0e6q9N'],
  ['OpenInfra Labs', 'category-9iYoBMgnQ'],
  ['Kata Containers', 'category-v9OKHS5k-'],
  ['Airship', 'category-tSSGVXjvn'],
  ['StarlingX', 'category-x3TAX-MsU'],
  ['Zuul', 'category-v0TJrjtpU'],
];

const BLOG_CONFIG = `${JSON.stringify(
  {
    title: 'Blog',
    subTitle: 'News, announcements, best practices, use cases and more.',
    categories: CATEGORIES.map(([text, id]) => ({ text, id })),
    seo: { title: 'Blog', url: 'https://openinfra.org/blog/', twitterUsername: '@openinfradev' },
  },
  null,
  2,
)}\n`;

// The site's event lists, in their real variety: HTML names folded over lines, dates as prose in
// every shape (an en dash, "&", months without days, no year, TBD), names in a card's location,
// one event listed twice, past meetups.
export const DAYS_PAGE = `---
templateKey: open-infra-days-page
title: OpenInfra Days
upcomingDaysEvents:
  isVisible: true
  events:
    - title: <a href="https://days.example.org/vietnam/" target="_blank">Community Day x OpenInfra
        Day Vietnam</a>
      date: July 25, 2026
      location: Hanoi, Vietnam
      registration: >
        <a href="https://tickets.example.org/vietnam"
        target="_blank">Register</a>
      sponsor: ""
    - title: OpenInfra Day Kenya
      date: September 4 & 5, 2026
      location: Nairobi, Kenya
      registration: More Info Coming Soon
      sponsor: ""
    - title: >
        <a
        href="https://days.example.org/korea/"
        target="_blank">OpenInfra Day Korea</a>
      date: September 29, 2026
      location: Seoul, South Korea
      registration: ""
    - title: <a href="https://days.example.org/korea/" target="_blank">OpenInfra Day Korea 2025</a>
      date: September 30, 2025
      location: Seoul, South Korea
      registration: ""
    - title: Ceph Day x OpenInfra Day North America
      date: TBD
      location: TBD
      registration: More Info Coming Soon
upcomingMeetups:
  title: OpenInfra Community Events
  meetups:
    - location: " Cloud Operator Days Tokyo"
      link: https://days.example.org/tokyo/
      date: August-September 2026
      background: /img/tokyo.jpg
    - background: /img/sovereign.png
      date: October 22\u201325, 2026
      location: OpenInfra Track at Sovereign Cloud Days
      link: https://sovereign.example.org/en
    - location: OpenInfra Track at ALASCA Summit
      link: https://alasca.example.org/summit-2026/
      date: November 3-4, 2026
    - location: Project Teams Gathering
      link: https://openinfra.org/ptg/
      date: October 12-16
pastMeetups:
  meetups:
    - date: May 22, 2025
      location: Stockholm, Sweden
      link: https://meetup.example.org/sweden/
      name: SWEDEN
communityEvents:
  title: More Open Source Community Events
  events:
    - link: https://sovereign.example.org/en/
      date: October 22\u201325, 2026
      location: Saarbr\u00fccken, Germany
      name: Sovereign Cloud Days Germany
    - name: A conference long gone
      link: https://past.example.org/
      date: March 23-26, 2026
      location: Amsterdam, NL
---
`;

export const UPCOMING_SUMMITS = `${JSON.stringify(
  {
    title: 'Upcoming OpenInfra Summit',
    summits: [
      {
        key: 'asia-26',
        background: '/img/summit.png',
        date: 'December 8-9, 2026',
        location: 'Shanghai, China',
        imageLink: 'https://summit.example.org/asia/',
        notification: { text: ' ', button: { link: 'https://summit.example.org/asia/', text: 'Learn More' } },
      },
    ],
  },
  null,
  2,
)}\n`;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function post(fields, body) {
  return [
    '---',
    'templateKey: blog-post',
    `title: "${fields.title}"`,
    `author: ${fields.author}`,
    `date: ${fields.date}`,
    'category:',
    fields.category,
    'hidePost: false',
    'seo:',
    `  url: ${fields.url}`,
    `  twitterUsername: "${fields.handle}"`,
    `  title: "${fields.title}"`,
    '  description: The latest from the OpenInfra Foundation',
    '---',
    body,
  ].join('\n');
}

const category = (label) => `  - value: ${CATEGORIES.find(([text]) => text === label)[1]}\n    label: ${label}`;

/**
 * The body of a newsletter post as the site's 2026 ones are headed (### and no taglines, the
 * events under "More OpenInfra Community Events") and write their events: one list item an
 * event, no year, a nested line of links (Emma's tracking links among them), closing words.
 */
const NEWSLETTER_BODY = `### OpenInfra Foundation News

* News of the month.

### OpenStack

* A release.

### Kata Containers

* Another release.

### More OpenInfra Community Events

* [OpenInfra + KCD Vietnam ](https://2026.vietopeninfra.org/vi/)| 25 July

  * [Learn More](https://t.e2ma.net/click/el3ini/ulijjyje/elr9z8) | [Register](https://t.e2ma.net/click/el3ini/ulijjyje/uds9z8)
* OpenInfra Day Kenya | 4 & 5 September

  * [Learn More](https://days.example.org/kenya/) | [Register](https://tickets.example.org/kenya) | [Sponsor](https://days.example.org/kenya/sponsor)
* [OpenInfra Track at the ALASCA Summit](https://alasca.example.org/summit-2026/) | 3 & 4 November

  * [CFP open until 31 July](https://alasca.example.org/summit-2026/cfp/)

Visit [2026 OpenInfra events](https://t.e2ma.net/click/icbmli/u5lbjst/2b0kv8) for a full list of gatherings. For more information, contact events@openinfra.org.
`;

/**
 * A post as the site holds one of several hundred KB: an article with a chart inlined as a
 * base64 data: URL (the real one is 590 KB), which a reader of front matter never needs whole.
 */
export function largePost() {
  const chart = Buffer.alloc(440 * 1024, 'OpenInfra').toString('base64');
  return `---\ntemplateKey: blog-post\ntitle: "OpenInfra by the numbers"\nauthor: Author Number0\ndate: 2024-03-01T10:00:00.000Z\ncategory:\n  - value: category-h2Ztx9rpD\n    label: Community\nhidePost: false\nseo:\n  url: https://openinfra.org/blog/openinfra-by-the-numbers\n  title: OpenInfra by the numbers\n  description: A year of OpenInfra, charted.\n---\nThe year in one chart.\n\n![A chart of the year's contributions](data:image/png;base64,${chart})\n\nMore to come.\n`;
}
/** An older newsletter post's body: ## with taglines. */
const OLD_NEWSLETTER_BODY =
  '## OpenInfra Foundation News\n\n* News.\n\n## OpenStack: Open source software for creating private and public clouds\n\n* A release.\n';

/**
 * The files of a checkout: its latest newsletter post is July 2026's (Allison Price, Community,
 * openinfra.org, "@openinfradev", ###, no taglines), filed under a name that sorts before older ones.
 */
export function siteFiles(options = {}) {
  const files = {
    'static/admin/config.yml': CMS_CONFIG,
    'src/content/blog-config.json': BLOG_CONFIG,
    'src/pages/days/index.md': DAYS_PAGE,
    'src/content/upcoming-summits.json': UPCOMING_SUMMITS,
    'src/pages/author/allison-price.md': '---\ntemplateKey: tags\nauthorName: Allison Price\ncompany: OpenInfra Foundation\n---\n',
    'src/pages/author/jürgen-müller.md': '---\ntemplateKey: tags\nauthorName: Jürgen Müller\ncompany: Example GmbH\n---\n',
  };
  for (let i = 0; i < (options.authors ?? 3); i++) {
    files[`src/pages/author/author-${i}.md`] = `---\ntemplateKey: tags\nauthorName: Author Number${i}\ncompany: Company ${i}\n---\n`;
  }
  // Newsletter posts of 2025 (openinfra.dev, News & Announcements, ## with taglines) and 2026.
  for (let month = 1; month <= 12; month++) {
    const slug = `${MONTHS[month - 1]}-2025`;
    files[`src/pages/blog/inside-open-infrastructure-${slug}.md`] = post(
      {
        title: `Inside Open Infrastructure: ${MONTHS[month - 1][0].toUpperCase()}${MONTHS[month - 1].slice(1)} 2025`,
        author: 'Allison Price',
        date: `2025-${String(month).padStart(2, '0')}-25T18:47:31.264Z`,
        category: category('News & Announcements'),
        url: `https://openinfra.dev/blog/openinfra-newsletter-${slug}`,
        handle: '@OpenInfraDev',
      },
      OLD_NEWSLETTER_BODY,
    );
  }
  for (let month = 1; month <= 7; month++) {
    const slug = `${MONTHS[month - 1]}-2026`;
    // The July post was filed under June's name with -1, as the site has done: the date says which is latest.
    const file = month === 7 ? 'inside-open-infrastructure-june-2026-1.md' : `inside-open-infrastructure-${slug}.md`;
    files[`src/pages/blog/${file}`] = post(
      {
        title: `Inside Open Infrastructure: ${MONTHS[month - 1][0].toUpperCase()}${MONTHS[month - 1].slice(1)} 2026`,
        author: 'Allison Price',
        date: `2026-${String(month + 1).padStart(2, '0')}-04T18:47:31.264Z`,
        category: category('Community'),
        url: `https://openinfra.org/blog/openinfra-newsletter-${slug}`,
        handle: '@openinfradev',
      },
      NEWSLETTER_BODY,
    );
  }
  // Posts that are not newsletters, in the shapes the site has: one of hundreds of KB, a day
  // without its leading zero, a translation in another script, no twitterUsername.
  if (options.largePost ?? true) files['src/pages/blog/openinfra-by-the-numbers.md'] = largePost();
  files['src/pages/blog/open-infrastructure-foundation-unveils-openinfra-live.md'] = post(
    {
      title: 'Open Infrastructure Foundation Unveils OpenInfra Live Virtual Event Schedule',
      author: 'Allison Price',
      date: '2020-11-6T13:30:56.289Z',
      category: category('News & Announcements'),
      url: 'https://openinfra.dev/blog/openinfra-live-schedule',
      handle: '@OpenInfraDev',
    },
    'OpenInfra Live is a weekly hour of interactive content.\n',
  );
  files['src/pages/blog/openinfra-korea-user-group.md'] = post(
    {
      title: 'OpenInfra Korea User Group',
      author: 'Jürgen Müller',
      date: '2025-11-20T09:00:00.000Z',
      category: category('Community'),
      url: 'https://openinfra.org/blog/openinfra-korea-user-group',
      handle: '@openinfradev',
    },
    'The Korea user group met in Seoul.\n\n## 한국어\n\n오픈인프라 한국 사용자 모임이 서울에서 열렸습니다.\n',
  ).replace('  twitterUsername: "@openinfradev"\n', '');
  for (let i = 0; i < (options.otherPosts ?? 5); i++) {
    files[`src/pages/blog/post-${i}.md`] = post(
      {
        title: `A post about something else, number ${i}`,
        author: `Author Number${i % Math.max(1, options.authors ?? 3)}`,
        date: `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00.000Z`,
        category: category(CATEGORIES[i % CATEGORIES.length][0]),
        url: `https://openinfra.org/blog/post-${i}`,
        handle: '@openinfradev',
      },
      `A paragraph of post ${i}, long enough to be a post.\n\n## A heading\n\nMore text.\n`,
    );
  }
  return files;
}
