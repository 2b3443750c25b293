/**
 * Generated HTML attacks, as a hostile contributor would write them in a fragment: a set of
 * payloads (each calls `alert(N)` if any of it runs), each written with the tricks that make an
 * HTML parser and a pattern disagree, in the places Markdown puts raw HTML (a block, inline in a
 * paragraph, in a list item, in a quote).
 */

/** Ways to run script, `N` standing for the variant's number. */
const PAYLOADS: string[] = [
  '<script>alert(N)</script>',
  '<script title="<">alert(N)</script>',
  '<SCRIPT SRC=data:text/javascript,alert(N)></SCRIPT>',
  '<img src=x onerror=alert(N)>',
  '<img alt=">" onerror="alert(N)" src="https://openinfra.dev/x.png">',
  '<img/src=x/onerror=alert(N)>',
  '<IMG SRC=x ONERROR=alert(N)>',
  '<img src=x onerror&#x3d;alert(N)>',
  '<img src="x`" onerror=`alert(N)`>',
  '<a title="href=" x href="javascript:alert(N)">Read</a>',
  '<a href="jav&#x61;script:alert(N)">Read</a>',
  '<a href="jav&#97;script&colon;alert(N)">Read</a>',
  '<a href="java\tscript:alert(N)">Read</a>',
  '<a href="&#x6a;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;:alert(N)">Read</a>',
  '<a href=" javascript:alert(N)">Read</a>',
  '<a href=JaVaScRiPt:alert(N)>Read</a>',
  '<a href="data:text/html,<script>alert(N)</script>">Read</a>',
  '<a href="vbscript:alert(N)">Read</a>',
  '<iframe title="<" srcdoc="&lt;script&gt;alert(N)&lt;/script&gt;"></iframe>',
  '<iframe src="javascript:alert(N)"></iframe>',
  '<object data="javascript:alert(N)"></object>',
  '<embed src="javascript:alert(N)">',
  '<svg onload=alert(N)>',
  '<svg><script>alert(N)</script></svg>',
  '<svg><a xlink:href="javascript:alert(N)"><text y="20">Read</text></a></svg>',
  '<svg><animate onbegin=alert(N) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(N)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(N)>">',
  '<noscript><p title="</noscript><img src=x onerror=alert(N)>"></noscript>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(N)>',
  '<details open ontoggle=alert(N)>x</details>',
  '<body onload=alert(N)>',
  '<input autofocus onfocus=alert(N)>',
  '<video poster="javascript:alert(N)" src=x onerror=alert(N)></video>',
  '<audio src=x onerror=alert(N)></audio>',
  '<form action="javascript:alert(N)"><button>Go</button></form>',
  '<button formaction="javascript:alert(N)">Go</button>',
  '<base href="javascript:alert(N)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(N)">',
  '<link rel=stylesheet href="javascript:alert(N)">',
  '<style>@import "javascript:alert(N)";</style>',
  '<p style="background:url(javascript:alert(N))">Styled</p>',
  '<table background="javascript:alert(N)"><tr><td>x</td></tr></table>',
  '<img srcset="javascript:alert(N) 1x" src="https://openinfra.dev/x.png" alt="x">',
  '<a href="https://openinfra.dev/" ping="javascript:alert(N)">Read</a>',
  '<scr<!-- -->ipt>alert(N)</scr<!-- -->ipt>',
  '<<script>script>alert(N)<</script>/script>',
  '<img src=x onerror=alert(N)',
  '<a href="https://openinfra.dev/" title="x\nonclick=alert(N)">Read</a>',
  '<xmp><img src=x onerror=alert(N)></xmp>',
  '<textarea></textarea><img src=x onerror=alert(N)>',
  '<template><img src=x onerror=alert(N)></template>',
  '<!--><img src=x onerror=alert(N)>-->',
  '<![CDATA[><img src=x onerror=alert(N)>]]>',
  '<div id="x" onmouseover="alert(N)" style="position:fixed;inset:0">x</div>',
];

/** Where Markdown puts the HTML: its own block, inline in a paragraph, in a list item, in a quote. */
const PLACES: ((html: string) => string)[] = [(html) => html, (html) => `Read this: ${html} and more.`, (html) => `* ${html}`, (html) => `> ${html}`];

export interface HtmlAttack {
  n: number;
  markdown: string;
}

/** Every payload in every place, numbered from `from`. */
export function htmlAttacks(from = 1): HtmlAttack[] {
  const attacks: HtmlAttack[] = [];
  let n = from;
  for (const payload of PAYLOADS) {
    for (const place of PLACES) {
      attacks.push({ n, markdown: place(payload.replaceAll('alert(N)', `alert(${n})`)) });
      n++;
    }
  }
  return attacks;
}

/**
 * What a page must not hold once loaded, as a script in it finds: any element that runs or
 * loads something (script, frames, objects, forms, base, refresh), any on* attribute, any
 * javascript:/data:/vbscript: URL in an attribute, any SVG or MathML; and any element that
 * would swallow what follows it as text (textarea, xmp, plaintext...), so that many outputs
 * can be checked in one page: one that hid the others would be found itself. `allowStyle`: the email's
 * own <style> and <title> (MJML's) are not the writer's.
 */
export const FIND_DANGER = `(allowStyle) => {
  const found = [];
  const banned = ['script', 'iframe', 'frame', 'object', 'embed', 'form', 'base', 'link', 'input', 'button', 'textarea', 'select', 'svg', 'math', 'template', 'noscript', 'xmp', 'plaintext', 'noembed', 'noframes'];
  for (const el of document.querySelectorAll('*')) {
    const name = el.localName;
    if (banned.includes(name) || ((name === 'style' || name === 'title') && !allowStyle) || (name === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') || ''))) found.push('<' + name + '>');
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
      if (/^on/i.test(attr.name)) found.push(name + '[' + attr.name + ']');
      else if (/^(javascript|data|vbscript):/.test(value)) found.push(name + '[' + attr.name + '=' + value.slice(0, 30) + ']');
      else if (['srcdoc', 'srcset', 'formaction', 'ping', 'background', 'poster', 'action'].includes(attr.name)) found.push(name + '[' + attr.name + ']');
      else if (attr.name === 'style' && /url\\(|expression/i.test(attr.value)) found.push(name + '[style]');
    }
  }
  return found;
}`;
