/**
 * Pages and files for the real-browser security tests (tests/e2e/security-*.e2e.ts), and the
 * scripts they evaluate (as strings: no bundler helpers reach the browser).
 */
import { basePages, insertMidBody, rebase } from './payload-pages';
import { instrument, XSS_PAYLOADS } from './xss-payloads';

const antv = () => basePages()[0]!;

/**
 * A page that attacks the content script's environment before it runs (document_idle): its
 * inline script replaces DOM and JSON built-ins and clobbers document properties. Content
 * scripts live in an isolated world (Chromium) / behind Xray vision (Firefox), so cleaning must
 * still work.
 */
export function prototypeAttackPage(): { url: string; title: string; html: string } {
  const base = antv();
  const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/trang-tan-cong-nguyen-mau-900201.html';
  const title = `${base.expected.title} (trang tấn công nguyên mẫu)`;
  const attack = `<script>
    window.__attacks = [];
    var noop = function () { window.__attacks.push('called'); return null; };
    Element.prototype.querySelector = noop;
    Element.prototype.querySelectorAll = function () { window.__attacks.push('qsa'); return []; };
    Document.prototype.querySelector = noop;
    Document.prototype.querySelectorAll = function () { return []; };
    Node.prototype.appendChild = function () { throw new Error('appendChild hijacked'); };
    Node.prototype.cloneNode = function () { throw new Error('cloneNode hijacked'); };
    Element.prototype.append = function () { throw new Error('append hijacked'); };
    Element.prototype.attachShadow = function () { throw new Error('attachShadow hijacked'); };
    Document.prototype.createElement = function () { throw new Error('createElement hijacked'); };
    JSON.parse = function () { return { hijacked: true }; };
    JSON.stringify = function () { return '{"hijacked":true}'; };
    Array.prototype.map = function () { return []; };
    String.prototype.trim = function () { return ''; };
    Object.defineProperty(document, 'body', { get: function () { return null; } });
    Object.defineProperty(document, 'title', { get: function () { return 'Tiêu đề giả'; } });
    window.DOMParser = function () { throw new Error('DOMParser hijacked'); };
    window.Readability = function () { throw new Error('Readability hijacked'); };
    window.DOMPurify = { sanitize: function (x) { return x; } };
    window.__attacksInstalled = true;
  </script>`;
  const html = rebase(base, base.html.replace(/<head([^>]*)>/i, `<head$1>${attack}`), url, title);
  return { url, title, html };
}

/** Named elements shadowing the document members the content script, Readability and DOMPurify use. */
export function clobberPage(): { url: string; title: string; html: string } {
  const base = antv();
  const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/trang-ghi-de-dom-900202.html';
  const title = `${base.expected.title} (trang ghi đè DOM)`;
  const names = [
    'body',
    'head',
    'createElement',
    'querySelector',
    'querySelectorAll',
    'cloneNode',
    'defaultView',
    'documentElement',
    'implementation',
    'getElementById',
    'getElementsByTagName',
    'createNodeIterator',
    'createDocumentFragment',
    'location',
    'title',
  ];
  const chunk = `${names.map((n) => `<img name="${n}" src="https://antv.gov.vn/anh/${n}.jpg">`).join('')}<form name="document"><input name="cookie"></form><form id="vietlao-view" name="vietlao"><input name="attributes"></form><p id="vietlao-toolbar">Đoạn giả thanh công cụ.</p>`;
  return { url, title, html: rebase(base, insertMidBody(base, chunk), url, title) };
}

/** A plain copy of the antv article at a new URL (saves that must fail, quota). */
export function plainPage(slug: string, n: number): { url: string; title: string; html: string } {
  const base = antv();
  const url = `https://antv.gov.vn/tin-tuc/chinh-tri/${slug}-${900300 + n}.html`;
  const title = `${base.expected.title} (${slug})`;
  return { url, title, html: rebase(base, base.html, url, title) };
}

/**
 * The antv article with images of every kind the reader page holds back: a real PNG on the site
 * (the fixture server's FIXTURE_PNG_PATH) in a figure with a caption, a lazy one (data-src), one
 * on a site the extension has no permission for; and a tracking pixel, which is never saved.
 */
export function imagesPage(pngPath: string): {
  url: string;
  title: string;
  html: string;
  png: string;
  lazyPng: string;
  elsewhere: string;
  pixel: string;
} {
  const base = antv();
  const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/bai-co-anh-900500.html';
  const title = `${base.expected.title} (bài có ảnh)`;
  const png = `https://antv.gov.vn${pngPath}hoi-dam.png`;
  const lazyPng = `https://antv.gov.vn${pngPath}tai-cham.png`;
  const elsewhere = 'https://anh.example.net/ngoai.png';
  const pixel = 'https://antv.gov.vn/thong-ke/dem.gif?bai=900500';
  const chunk = [
    `<figure><img src="${png}" width="640" height="400" alt="Quang cảnh hội đàm"><figcaption>Quang cảnh buổi hội đàm (ảnh thử)</figcaption></figure>`,
    `<p>Ảnh tải chậm: <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="${lazyPng}" alt="Ảnh tải chậm"></p>`,
    `<p>Ảnh ở trang khác: <img src="${elsewhere}" width="300" height="200" alt="Ảnh ở trang khác"></p>`,
    `<p>Đoạn có điểm ảnh theo dõi.<img src="${pixel}" width="1" height="1"></p>`,
  ].join('\n');
  return { url, title, html: rebase(base, insertMidBody(base, chunk), url, title), png, lazyPng, elsewhere, pixel };
}

/** Every payload, instrumented to hit `host`, as one hostile contentHtml (for the import test). */
export function allPayloadsHtml(host: string): string {
  return `<p>Bài nhập có mã độc: đoạn mở đầu vẫn phải đọc được.</p>${XSS_PAYLOADS.map((p, i) => instrument(p, i, host)).join('\n')}<p>Đoạn kết của bài nhập.</p>`;
}

/** An archive file (built from an exported one) whose one article carries every payload. */
export function hostileImportFile(
  exported: string,
  host = 'antv.gov.vn',
): { text: string; url: string; title: string } {
  const file = JSON.parse(exported) as { articles: Record<string, unknown>[] };
  const url = `https://${host}/tin-tuc/chinh-tri/bai-nhap-doc-900400.html`;
  const title = 'Bài nhập từ tệp độc hại';
  const article = {
    ...file.articles[0]!,
    id: 'f'.repeat(64).slice(0, (file.articles[0]!.id as string).length),
    url,
    canonicalUrl: url,
    title,
    updatedAt: '2030-01-01T00:00:00.000Z',
    contentHtml: allPayloadsHtml(host),
  };
  return { text: JSON.stringify({ ...file, articles: [article] }), url, title };
}

/** An archive file (built from an exported one) whose one new article has `field` set to `value`. */
export function hostileFieldFile(exported: string, field: string, value: unknown): string {
  const file = JSON.parse(exported) as { articles: Record<string, unknown>[] };
  const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/bai-nhap-truong-doc-900401.html';
  const article = {
    ...file.articles[0]!,
    url,
    canonicalUrl: url,
    updatedAt: '2030-01-01T00:00:00.000Z',
    [field]: value,
  };
  return JSON.stringify({ ...file, articles: [article] });
}

/**
 * Evaluated in an extension page: every row of the archive read with raw IndexedDB (no code of
 * the product), so the tests see exactly what is stored.
 */
export const READ_ARCHIVE = `new Promise(function (resolve, reject) {
  var open = indexedDB.open('vietlao-archive');
  open.onerror = function () { reject(open.error); };
  open.onsuccess = function () {
    var db = open.result;
    var tx = db.transaction(['articles', 'bodies'], 'readonly');
    var out = { articles: [], bodies: [], byUrl: {}, indexNames: Array.from(tx.objectStore('articles').indexNames) };
    tx.objectStore('articles').getAll().onsuccess = function (e) { out.articles = e.target.result; };
    tx.objectStore('bodies').getAll().onsuccess = function (e) { out.bodies = e.target.result; };
    var idx = tx.objectStore('articles').index('canonicalUrl');
    idx.getAllKeys ? (idx.getAll().onsuccess = function (e) { out.byIndex = e.target.result.map(function (r) { return r.canonicalUrl; }); }) : null;
    tx.oncomplete = function () { db.close(); resolve(out); };
    tx.onerror = function () { reject(tx.error); };
  };
})`;

export interface StoredArchive {
  articles: { id: string; canonicalUrl: string; title: string; url: string }[];
  bodies: { id: string; contentHtml: string; text: string }[];
  byIndex: string[];
  indexNames: string[];
}

/**
 * An antv.gov.vn page whose `<link rel=canonical>` (and og:url) name another site's article — one
 * the user saved (issue 17: the overwrite). Its title and text are the attacker's.
 */
export function canonicalElsewherePage(target: string): { url: string; title: string; html: string } {
  const base = antv();
  const url = 'https://antv.gov.vn/tin-tuc/chinh-tri/trang-mao-danh-bai-khac-900501.html';
  const title = 'Tiêu đề của trang mạo danh bài đã lưu';
  const html = rebase(base, base.html, url, title)
    .replace(/<link rel="canonical" href="[^"]*"/, `<link rel="canonical" href="${target}"`)
    .replace(/<meta property="og:url" content="[^"]*"/, `<meta property="og:url" content="${target}"`);
  return { url, title, html };
}

/**
 * A plain article page that runs `attack(host)` once the extension's toolbar host is there, then
 * sets `window.__decoy = true` (the decoys of issue 17: restyled, faded, covered or moved toolbars).
 */
export function decoyPage(slug: string, n: number, attack: string): { url: string; title: string; html: string } {
  const page = plainPage(slug, n);
  const script = `<script>
    (function () {
      var wait = setInterval(function () {
        var host = document.querySelector('vietlao-toolbar');
        if (!host) return;
        clearInterval(wait);
        (function (host) { ${attack} })(host);
        window.__decoy = true;
      }, 50);
    })();
  </script>`;
  return { ...page, html: page.html.replace(/<\/body>/i, `${script}</body>`) };
}

/** A "Close ad ✕" button of the page's, laid exactly over the toolbar (for decoyPage attacks). */
export const DECOY_BUTTON = `var decoy = document.createElement('button');
  decoy.textContent = 'Đóng quảng cáo ✕';
  decoy.style.cssText = 'position:fixed;right:16px;bottom:16px;width:560px;height:48px;margin:0;z-index:2147483647;' +
    'background:#fff;color:#000;font:16px sans-serif;border:1px solid #999;pointer-events:none';`;

/**
 * What a page can learn of the toolbar without its shadow root: its box, sizes and scroll sizes,
 * which points over it hit it, whether our labels can be found in the page's text, its shadow root.
 * Saved or not, these must be the same (issue 17: the toolbar was 185 px wide when saved, 218 px when not).
 */
export const TOOLBAR_ORACLE = `(function () {
  var host = Document.prototype.querySelector.call(document, 'vietlao-toolbar');
  var r = host.getBoundingClientRect();
  var grid = '';
  for (var x = r.left - 6; x <= r.right + 6; x += 3)
    for (var y = r.top - 6; y <= r.bottom + 6; y += 3) grid += document.elementFromPoint(x, y) === host ? '1' : '0';
  var labels = ['Lưu bài', 'Đã lưu', 'Đã lưu vào kho', 'Đang lưu', 'Save article', 'Saved'];
  var found = labels.filter(function (s) {
    var f = window.find(s, false, false, true);
    getSelection().removeAllRanges();
    return f;
  });
  var cs = getComputedStyle(host);
  return {
    rect: [r.x, r.y, r.width, r.height],
    offset: [host.offsetWidth, host.offsetHeight],
    client: [host.clientWidth, host.clientHeight],
    scroll: [host.scrollWidth, host.scrollHeight],
    style: [cs.width, cs.height, cs.opacity, cs.display],
    grid: grid,
    found: found,
    inText: labels.filter(function (s) { return document.documentElement.innerText.indexOf(s) >= 0 || document.documentElement.textContent.indexOf(s) >= 0; }),
    root: String(host.shadowRoot),
    attributes: host.getAttributeNames().join(','),
    children: host.childNodes.length,
  };
})()`;
