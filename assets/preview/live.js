// The live server's updates, beside page.js (loaded first): the page fetched again at each render
// the server announces (server-sent events), its parts replaced in place and the email swapped
// inside its frames, keeping every scroll position. Never part of an export.

// Both are classic scripts, whose top-level names share one scope: this one names page.js's parts through the object it exports.
const page = window.newsletterPreview;
const issue = document.body.dataset.issue;

/**
 * Puts a new email into each frame in place, parsed by the frame's own document (so under the
 * email's policy, not this page's): its scroll position stays where the reader left it.
 */
function swapEmail(html) {
  const open = /<html[^>]*>/i.exec(html);
  const close = html.lastIndexOf('</html>');
  const inner = open ? html.slice(open.index + open[0].length, close === -1 ? undefined : close) : html;
  for (const frame of page.frames()) {
    const doc = frame.contentDocument;
    if (!doc || !doc.documentElement) continue;
    doc.documentElement.innerHTML = inner;
    page.prepare(frame);
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

const events = new EventSource(`/${issue}/events`);
events.addEventListener('version', (event) => {
  if (event.data !== document.body.dataset.version) refresh();
});
document.body.dataset.ready = 'true';
