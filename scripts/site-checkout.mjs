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
  ['News & Announcements', 'category-A7fnZYrE1'], ['Community', 'category-h2Ztx9rpD'], ['OpenStack', 'category-KMY0e6q9N'], ['OpenInfra Labs', 'category-9iYoBMgnQ'],
  ['Kata Containers', 'category-v9OKHS5k-'], ['Airship', 'category-tSSGVXjvn'], ['StarlingX', 'category-x3TAX-MsU'], ['Zuul', 'category-v0TJrjtpU'],
];

const BLOG_CONFIG = `${JSON.stringify({
  title: 'Blog',
  subTitle: 'News, announcements, best practices, use cases and more.',
  categories: CATEGORIES.map(([text, id]) => ({ text, id })),
  seo: { title: 'Blog', url: 'https://openinfra.org/blog/', twitterUsername: '@openinfradev' },
}, null, 2)}\n`;

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

export const UPCOMING_SUMMITS = `${JSON.stringify({
  title: 'Upcoming OpenInfra Summit',
  summits: [{ key: 'asia-26', background: '/img/summit.png', date: 'December 8-9, 2026', location: 'Shanghai, China', imageLink: 'https://summit.example.org/asia/', notification: { text: ' ', button: { link: 'https://summit.example.org/asia/', text: 'Learn More' } } }],
}, null, 2)}\n`;

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function post(fields, body) {
  return [
    '---', 'templateKey: blog-post', `title: "${fields.title}"`, `author: ${fields.author}`, `date: ${fields.date}`, 'category:', fields.category, 'hidePost: false', 'seo:',
    `  url: ${fields.url}`, `  twitterUsername: "${fields.handle}"`, `  title: "${fields.title}"`, '  description: The latest from the OpenInfra Foundation', '---', body,
  ].join('\n');
}

const category = (label) => `  - value: ${CATEGORIES.find(([text]) => text === label)[1]}\n    label: ${label}`;

/** The body of a newsletter post as the site's 2026 ones are headed: ### and no taglines. */
const NEWSLETTER_BODY = '### OpenInfra Foundation News\n\n* News of the month.\n\n### OpenStack\n\n* A release.\n\n### Kata Containers\n\n* Another release.\n\n### More OpenInfra Community Events\n\n* An event.\n';
/** An older newsletter post's body: ## with taglines. */
const OLD_NEWSLETTER_BODY = '## OpenInfra Foundation News\n\n* News.\n\n## OpenStack: Open source software for creating private and public clouds\n\n* A release.\n';

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
    files[`src/pages/blog/inside-open-infrastructure-${slug}.md`] = post({
      title: `Inside Open Infrastructure: ${MONTHS[month - 1][0].toUpperCase()}${MONTHS[month - 1].slice(1)} 2025`, author: 'Allison Price', date: `2025-${String(month).padStart(2, '0')}-25T18:47:31.264Z`,
      category: category('News & Announcements'), url: `https://openinfra.dev/blog/openinfra-newsletter-${slug}`, handle: '@OpenInfraDev',
    }, OLD_NEWSLETTER_BODY);
  }
  for (let month = 1; month <= 7; month++) {
    const slug = `${MONTHS[month - 1]}-2026`;
    // The July post was filed under June's name with -1, as the site has done: the date says which is latest.
    const file = month === 7 ? 'inside-open-infrastructure-june-2026-1.md' : `inside-open-infrastructure-${slug}.md`;
    files[`src/pages/blog/${file}`] = post({
      title: `Inside Open Infrastructure: ${MONTHS[month - 1][0].toUpperCase()}${MONTHS[month - 1].slice(1)} 2026`, author: 'Allison Price', date: `2026-${String(month + 1).padStart(2, '0')}-04T18:47:31.264Z`,
      category: category('Community'), url: `https://openinfra.org/blog/openinfra-newsletter-${slug}`, handle: '@openinfradev',
    }, NEWSLETTER_BODY);
  }
  for (let i = 0; i < (options.otherPosts ?? 5); i++) {
    files[`src/pages/blog/post-${i}.md`] = post({
      title: `A post about something else, number ${i}`, author: `Author Number${i % Math.max(1, options.authors ?? 3)}`, date: `2026-0${1 + (i % 9)}-1${i % 10}T10:00:00.000Z`,
      category: category(CATEGORIES[i % CATEGORIES.length][0]), url: `https://openinfra.org/blog/post-${i}`, handle: '@openinfradev',
    }, `A paragraph of post ${i}, long enough to be a post.\n\n## A heading\n\nMore text.\n`);
  }
  return files;
}
