// The preview page's script, live or exported: tabs, the dark-mode switch, jumping from a problem
// to where it lands in the email. A classic script, not a module: an exported page opened from
// file:// may not load a module (Chromium asks for CORS, which file:// cannot give). The email
// frames are sandboxed without scripts; where this page may reach into them (the live server, an
// export on a static host) it shows local images, switches dark mode and opens links in a new tab.
// From file:// every file is an origin of its own: an export's frames then carry all of that in
// their own files (the dark email a file of its own), and a problem's click opens the email tab.
// live.js adds the live server's updates.

const DARK_QUERY = /prefers-color-scheme:\s*dark/;
const darkKey = 'newsletter-preview-dark';
const tabKey = 'newsletter-preview-tab';
/** The media rules of each email document that dark mode switched on, with their own media text. */
const darkRules = new WeakMap();
const prepared = new WeakSet();

const frames = () => [...document.querySelectorAll('iframe.email')];
const isDark = () => document.getElementById('dark')?.checked ?? false;
/** sessionStorage, which a page opened from file:// may be refused. */
const remembered = (key) => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
};
const remember = (key, value) => {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Not kept across reloads there: nothing else is lost.
  }
};
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
  // An export's frame shows its dark email from a file of its own.
  if (!frame.dataset.darkSrc) applyDark(doc);
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

/** Each frame in dark mode or not: an export's by the file it shows, the live server's by its styles. */
function darkFrames() {
  for (const frame of frames()) {
    const wanted = isDark() ? frame.dataset.darkSrc : frame.dataset.lightSrc;
    if (wanted) {
      if (frame.getAttribute('src') !== wanted) frame.setAttribute('src', wanted);
    } else if (frame.contentDocument) applyDark(frame.contentDocument);
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
  remember(tabKey, name);
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

function start() {
  const dark = document.getElementById('dark');
  if (dark) {
    dark.checked = remembered(darkKey) === '1';
    dark.addEventListener('change', () => {
      remember(darkKey, dark.checked ? '1' : '0');
      document.body.classList.toggle('dark', dark.checked);
      darkFrames();
    });
    document.body.classList.toggle('dark', dark.checked);
    if (dark.checked) darkFrames();
  }
  document.getElementById('issue-switch')?.addEventListener('change', (event) => {
    location.href = `/${encodeURIComponent(event.target.value)}/`;
  });
  for (const button of document.querySelectorAll('[data-tab]')) button.addEventListener('click', () => showTab(button.dataset.tab));
  const tab = remembered(tabKey);
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
  // The live page is ready once live.js listens for updates; an export, now.
  if ('static' in document.body.dataset) document.body.dataset.ready = 'true';
}

start();
// What live.js builds on.
window.newsletterPreview = { frames, prepare };
