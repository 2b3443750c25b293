// The preview page's script: tabs, the dark-mode switch, jumping from a problem to where it lands
// in the email, and live updates (server-sent events) that keep every scroll position. The email
// frames are sandboxed without scripts; this page reaches into them (same origin) to show local
// images, switch dark mode and open links in a new tab.

const issue = document.body.dataset.issue;
const DARK_QUERY = /prefers-color-scheme:\s*dark/;
const darkKey = 'newsletter-preview-dark';
const tabKey = 'newsletter-preview-tab';
/** The media rules of each email document that dark mode switched on, with their own media text. */
const darkRules = new WeakMap();
const prepared = new WeakSet();

const frames = () => [...document.querySelectorAll('iframe.email')];
const isDark = () => document.getElementById('dark')?.checked ?? false;
const imageMap = () => {
  try {
    return JSON.parse(document.getElementById('images')?.textContent || '{}');
  } catch {
    return {};
  }
};

/** Readies an email document: the issue's own images from the preview, dark mode, links in a new tab. */
function prepare(frame) {
  const doc = frame.contentDocument;
  if (!doc || !doc.documentElement) return;
  const images = imageMap();
  for (const image of doc.images) {
    const local = images[image.getAttribute('src')];
    if (local) image.setAttribute('src', local);
  }
  applyDark(doc);
  if (!prepared.has(doc)) {
    prepared.add(doc);
    doc.addEventListener('click', (event) => {
      const link = event.target instanceof frame.contentWindow.Element ? event.target.closest('a[href]') : null;
      if (!link) return;
      event.preventDefault();
      window.open(link.href, '_blank', 'noopener,noreferrer');
    });
  }
}

/** Dark mode as Apple Mail shows it: the email's own prefers-color-scheme: dark rules apply. */
function applyDark(doc) {
  const dark = isDark();
  for (const sheet of doc.styleSheets) {
    let rules;
    try {
      rules = sheet.cssRules;
    } catch {
      continue;
    }
    for (const rule of rules) {
      if (!rule.media) continue;
      const own = darkRules.get(rule) ?? rule.media.mediaText;
      if (!DARK_QUERY.test(own)) continue;
      darkRules.set(rule, own);
      rule.media.mediaText = dark ? 'all' : own;
    }
  }
  doc.documentElement.style.colorScheme = dark ? 'dark' : 'light';
}

function showTab(name) {
  for (const button of document.querySelectorAll('[data-tab]')) {
    const selected = button.dataset.tab === name;
    button.setAttribute('aria-selected', String(selected));
    document.getElementById(`tab-${button.dataset.tab}`).hidden = !selected;
  }
  sessionStorage.setItem(tabKey, name);
}

/**
 * Scrolls the email to the block a problem is in (its words, data-block), found after its
 * section's heading, else to the section; and outlines it for a moment.
 */
function locate(button) {
  if (button.dataset.target === 'inbox') return flash(document.getElementById('inbox'));
  const heading = button.dataset.heading;
  if (!heading) return;
  showTab('email');
  const wanted = normalise(heading);
  const words = button.dataset.block ? normalise(button.dataset.block) : '';
  for (const frame of frames()) {
    const doc = frame.contentDocument;
    if (!doc) continue;
    const headings = [...doc.querySelectorAll('h1, h2, h3')];
    const found = headings.find((h) => normalise(h.textContent).startsWith(wanted));
    if (!found) continue;
    const next = headings[headings.indexOf(found) + 1];
    const block = words ? blockAfter(doc, found, next, words) : undefined;
    (block ?? found).scrollIntoView({ block: block ? 'center' : 'start' });
    flash(block ?? found);
  }
}

/** The innermost block between a section's heading and the next whose words begin with, or hold, those of the problem's block. */
function blockAfter(doc, heading, next, words) {
  const inSection = (el) =>
    heading.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING && (!next || el.compareDocumentPosition(next) & Node.DOCUMENT_POSITION_FOLLOWING);
  const said = (el) => normalise(el.tagName === 'IMG' ? el.getAttribute('alt') || '' : el.textContent);
  const blocks = [...doc.querySelectorAll('p, li, td, th, h4, h5, h6, blockquote, img')].filter(inSection);
  const hits = blocks.filter((el) => {
    const text = said(el);
    return text !== '' && (text.startsWith(words) || words.startsWith(text) || text.includes(words));
  });
  // The innermost: a list item holds its paragraph's words too.
  return hits.find((el) => !hits.some((other) => other !== el && el.contains(other)));
}

const normalise = (text) => text.replace(/\s+/g, ' ').trim().toLowerCase();

function flash(element) {
  if (!element) return;
  element.style.outline = '3px solid #f59e0b';
  element.style.outlineOffset = '2px';
  setTimeout(() => {
    element.style.outline = '';
    element.style.outlineOffset = '';
  }, 1600);
}

/**
 * Puts a new email into each frame in place, parsed by the frame's own document (so under the
 * email's policy, not this page's): its scroll position stays where the reader left it.
 */
function swapEmail(html) {
  const open = /<html[^>]*>/i.exec(html);
  const close = html.lastIndexOf('</html>');
  const inner = open ? html.slice(open.index + open[0].length, close === -1 ? undefined : close) : html;
  for (const frame of frames()) {
    const doc = frame.contentDocument;
    if (!doc || !doc.documentElement) continue;
    doc.documentElement.innerHTML = inner;
    prepare(frame);
  }
}

let updating = null;
let again = false;

async function update() {
  const response = await fetch(`/${issue}/`, { cache: 'no-store' });
  if (!response.ok) return;
  const next = new DOMParser().parseFromString(await response.text(), 'text/html');
  const hadRendering = !!document.getElementById('tab-email');
  if (!hadRendering && next.getElementById('tab-email')) {
    // The first good render since the page opened on an error: the whole page is new.
    location.reload();
    return;
  }
  for (const live of next.querySelectorAll('[data-live]')) {
    const here = document.getElementById(live.id);
    if (!here) continue;
    here.innerHTML = live.innerHTML;
    here.hidden = live.hidden;
    here.className = live.className;
  }
  const emailVersion = next.body.dataset.emailVersion;
  if (emailVersion && emailVersion !== document.body.dataset.emailVersion) {
    const email = await fetch(`/${issue}/email.html?shown`, { cache: 'no-store' });
    if (email.ok) {
      swapEmail(await email.text());
      document.body.dataset.emailVersion = emailVersion;
    }
  }
  const version = next.body.dataset.version;
  document.body.dataset.version = version;
  // Two frames later the new email has been painted: what a test or the bench waits for.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      document.body.dataset.painted = version;
    }),
  );
}

function refresh() {
  if (updating) {
    again = true;
    return;
  }
  updating = (async () => {
    do {
      again = false;
      await update().catch(() => undefined);
    } while (again);
    updating = null;
  })();
}

function start() {
  const dark = document.getElementById('dark');
  if (dark) {
    dark.checked = sessionStorage.getItem(darkKey) === '1';
    dark.addEventListener('change', () => {
      sessionStorage.setItem(darkKey, dark.checked ? '1' : '0');
      document.body.classList.toggle('dark', dark.checked);
      for (const frame of frames()) if (frame.contentDocument) applyDark(frame.contentDocument);
    });
    document.body.classList.toggle('dark', dark.checked);
  }
  document.getElementById('issue-switch')?.addEventListener('change', (event) => {
    location.href = `/${encodeURIComponent(event.target.value)}/`;
  });
  for (const button of document.querySelectorAll('[data-tab]')) button.addEventListener('click', () => showTab(button.dataset.tab));
  const tab = sessionStorage.getItem(tabKey);
  if (tab && document.getElementById(`tab-${tab}`)) showTab(tab);
  document.addEventListener('click', (event) => {
    const problem = event.target instanceof Element ? event.target.closest('button.problem') : null;
    if (problem) locate(problem);
  });
  for (const frame of frames()) {
    frame.addEventListener('load', () => {
      prepare(frame);
      frame.dataset.loaded = 'true';
    });
    if (frame.contentDocument?.readyState === 'complete' && frame.contentDocument.URL !== 'about:blank') {
      prepare(frame);
      frame.dataset.loaded = 'true';
    }
  }
  const events = new EventSource(`/${issue}/events`);
  events.addEventListener('version', (event) => {
    if (event.data !== document.body.dataset.version) refresh();
  });
  document.body.dataset.ready = 'true';
}

start();
