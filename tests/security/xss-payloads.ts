/**
 * The XSS table: hostile markup a news page (or an archive file) could carry. Each payload is
 * written with two placeholders, filled in per payload by `instrument()`:
 *   JS   — a script expression that would prove execution: sets `window.__xss`, logs `__xss <id>`,
 *          requests `https://<fixture host>/__xss/<id>` and calls `alert('<id>')`.
 *   HIT  — the URL `https://<fixture host>/__xss/<id>` (for payloads that fetch without script:
 *          CSS url(), meta refresh, base, form actions…).
 * JS never contains a double quote, so it can sit inside any double-quoted attribute.
 *
 * `expected` lists what must hold after cleaning (checked by tests/security/xss.test.ts and
 * tests/e2e/security-*.e2e.ts on top of the invariants every payload gets — no script element,
 * no on* attribute, no URL other than http(s)/mailto, no forbidden element, no id/name/style):
 *   'no-script' 'no-handler' 'no-js-url' 'no-frame' 'no-style' 'no-form' 'no-svg' 'no-math'
 *   'no-base' 'no-meta' 'no-clobber' 'no-template' — documentation of the threat, all enforced by the invariants;
 *   'text-kept: <words>' — the payload's harmless text survives in the clean article.
 * `advisory` names the CVE/GHSA or write-up the shape comes from, where there is one.
 */
export interface XssPayload {
  title: string;
  payload: string;
  expected: string[];
  advisory?: string;
}

export const XSS_PAYLOADS: XssPayload[] = [
  // ── event-handler attributes ─────────────────────────────────────────────────────────────
  {
    title: 'img onerror',
    payload: '<p>Ảnh một <img src="x" onerror="JS"> cuối.</p>',
    expected: ['no-handler', 'text-kept: Ảnh một'],
  },
  {
    title: 'img onload on a real image',
    payload: '<p>Ảnh hai <img src="/anh/that.jpg" onload="JS" alt="anh-hai"></p>',
    expected: ['no-handler', 'text-kept: Ảnh hai'],
  },
  {
    title: 'body onload inside the body',
    payload: '<body onload="JS"><p>Thân bài phụ.</p></body>',
    expected: ['no-handler', 'text-kept: Thân bài phụ'],
  },
  {
    title: 'svg onload',
    payload: '<p>Đồ họa <svg onload="JS"><circle r="1"/></svg> xong.</p>',
    expected: ['no-svg', 'no-handler', 'text-kept: Đồ họa'],
  },
  {
    title: 'details ontoggle open',
    payload: '<details open ontoggle="JS"><summary>Tóm tắt mở</summary>Nội dung chi tiết.</details>',
    expected: ['no-handler'],
  },
  {
    title: 'autofocus onfocus',
    payload: '<p><span tabindex="1" autofocus onfocus="JS">Tiêu điểm tự động</span></p>',
    expected: ['no-handler', 'text-kept: Tiêu điểm tự động'],
  },
  {
    title: 'mouseover on a paragraph',
    payload: '<p onmouseover="JS" onclick="JS">Đoạn văn có sự kiện chuột.</p>',
    expected: ['no-handler', 'text-kept: sự kiện chuột'],
  },
  {
    title: 'video source onerror',
    payload: '<video><source onerror="JS"></video><p>Video hỏng.</p>',
    expected: ['no-handler', 'text-kept: Video hỏng'],
  },
  {
    title: 'audio src onerror',
    payload: '<audio src="x" onerror="JS"></audio><p>Âm thanh hỏng.</p>',
    expected: ['no-handler'],
  },
  { title: 'marquee onstart', payload: '<marquee onstart="JS">Chữ chạy ngang</marquee>', expected: ['no-handler'] },
  {
    title: 'handler with mixed case and slash separator',
    payload: '<p>Hoa thường <IMG/SRC="x"/OnErRoR="JS"> hết.</p>',
    expected: ['no-handler', 'text-kept: Hoa thường'],
  },
  {
    title: 'handler split by a newline and entities',
    payload: '<p>Xuống dòng <img src=x\nonerror\n=\n"&#106;&#115;&#58;JS"> hết.</p>',
    expected: ['no-handler', 'text-kept: Xuống dòng'],
  },
  {
    title: 'animationstart via style',
    payload: '<style>@keyframes x{}</style><p style="animation-name:x" onanimationstart="JS">Hoạt hình CSS.</p>',
    expected: ['no-handler', 'no-style', 'text-kept: Hoạt hình CSS'],
  },
  {
    title: 'onpointerenter on a link',
    payload: '<p><a href="https://antv.gov.vn/a" onpointerenter="JS">Liên kết con trỏ</a></p>',
    expected: ['no-handler', 'text-kept: Liên kết con trỏ'],
  },

  // ── javascript:, data:, vbscript: and friends ───────────────────────────────────────────
  {
    title: 'a href javascript:',
    payload: '<p><a href="javascript:JS">Bấm vào đây</a></p>',
    expected: ['no-js-url', 'text-kept: Bấm vào đây'],
  },
  {
    title: 'javascript: with tab, newline and entities',
    payload: '<p><a href="jav&#x09;ascr&#x0A;ipt&colon;JS">Liên kết lắt léo</a></p>',
    expected: ['no-js-url', 'text-kept: Liên kết lắt léo'],
  },
  {
    title: 'javascript: with leading spaces and case',
    payload: '<p><a href="  JaVaScRiPt:JS">Liên kết hoa</a></p>',
    expected: ['no-js-url', 'text-kept: Liên kết hoa'],
  },
  {
    title: 'data:text/html link',
    payload: '<p><a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">Tệp dữ liệu</a></p>',
    expected: ['no-js-url', 'text-kept: Tệp dữ liệu'],
  },
  {
    title: 'vbscript: link',
    payload: '<p><a href="vbscript:msgbox(1)">Liên kết VB</a></p>',
    expected: ['no-js-url', 'text-kept: Liên kết VB'],
  },
  {
    title: 'img src javascript:',
    payload: '<p>Nguồn ảnh <img src="javascript:JS"></p>',
    expected: ['no-js-url', 'text-kept: Nguồn ảnh'],
  },
  {
    title: 'img src data:image/svg+xml with script',
    payload: '<p>Ảnh SVG <img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+PC9zdmc+"></p>',
    expected: ['no-js-url', 'text-kept: Ảnh SVG'],
  },
  {
    title: 'blob: and filesystem: URLs',
    payload:
      '<p><a href="blob:https://antv.gov.vn/abc">Blob</a> <a href="filesystem:https://antv.gov.vn/x">Tệp hệ thống</a></p>',
    expected: ['no-js-url', 'text-kept: Tệp hệ thống'],
  },
  {
    title: 'srcset with javascript:',
    payload: '<p>Bộ ảnh <img src="https://antv.gov.vn/a.jpg" srcset="javascript:JS 1x"></p>',
    expected: ['no-js-url', 'text-kept: Bộ ảnh'],
  },
  {
    title: 'area href javascript: in an image map',
    payload: '<map name="m"><area shape="rect" coords="0,0,9,9" href="javascript:JS"></map><p>Bản đồ ảnh.</p>',
    expected: ['no-js-url', 'text-kept: Bản đồ ảnh'],
  },
  {
    title: 'xlink:href javascript: in svg',
    payload: '<svg><a xlink:href="javascript:JS"><text x="0" y="15">Chữ SVG</text></a></svg>',
    expected: ['no-svg', 'no-js-url'],
  },

  // ── SVG and MathML ──────────────────────────────────────────────────────────────────────
  {
    title: 'svg script element',
    payload: '<svg><script>JS</script></svg><p>Sau SVG.</p>',
    expected: ['no-script', 'no-svg', 'text-kept: Sau SVG'],
  },
  {
    title: 'svg animate setting href',
    payload: '<svg><a><animate attributeName="href" values="javascript:JS"/><text x="20" y="20">Nhấn</text></a></svg>',
    expected: ['no-svg', 'no-js-url'],
  },
  {
    title: 'svg foreignObject with html',
    payload: '<svg><foreignObject><img src="x" onerror="JS"></foreignObject></svg><p>Đối tượng ngoại.</p>',
    expected: ['no-svg', 'no-handler', 'text-kept: Đối tượng ngoại'],
  },
  {
    title: 'svg use with data: href',
    payload:
      "<svg><use href=\"data:image/svg+xml,&lt;svg id='x' xmlns='http://www.w3.org/2000/svg'&gt;&lt;image href='1' onerror='alert(1)' /&gt;&lt;/svg&gt;#x\"/></svg><p>Dùng lại.</p>",
    expected: ['no-svg', 'text-kept: Dùng lại'],
  },
  {
    title: 'math with xlink:href',
    payload:
      '<math><maction actiontype="statusline" xlink:href="javascript:JS">Toán học<mtext>nhấn</mtext></maction></math>',
    expected: ['no-math', 'no-js-url'],
  },
  {
    title: 'math mtext mglyph style img',
    payload:
      '<math><mtext><table><mglyph><style><img src=x onerror="JS"></style></mglyph></table></mtext></math><p>Sau toán.</p>',
    expected: ['no-math', 'no-handler', 'text-kept: Sau toán'],
    advisory: 'DOMPurify 2.0.17 namespace confusion (Michał Bentkowski, 2020)',
  },

  // ── frames, srcdoc, objects ─────────────────────────────────────────────────────────────
  {
    title: 'iframe srcdoc',
    payload: '<iframe srcdoc="&lt;script&gt;JS&lt;/script&gt;"></iframe><p>Khung nội tuyến.</p>',
    expected: ['no-frame', 'text-kept: Khung nội tuyến'],
  },
  {
    title: 'iframe src javascript:',
    payload: '<iframe src="javascript:JS"></iframe><p>Khung JS.</p>',
    expected: ['no-frame', 'no-js-url'],
  },
  {
    title: 'nested iframes with srcdoc',
    payload:
      '<iframe srcdoc="&lt;iframe srcdoc=&quot;&amp;lt;img src=x onerror=alert(1)&amp;gt;&quot;&gt;&lt;/iframe&gt;"></iframe><p>Khung lồng khung.</p>',
    expected: ['no-frame', 'text-kept: Khung lồng khung'],
  },
  {
    title: 'object data javascript:',
    payload: '<object data="javascript:JS"></object><p>Đối tượng nhúng.</p>',
    expected: ['no-frame', 'text-kept: Đối tượng nhúng'],
  },
  {
    title: 'embed src data:',
    payload: '<embed src="data:text/html,&lt;script&gt;JS&lt;/script&gt;"><p>Nhúng dữ liệu.</p>',
    expected: ['no-frame', 'text-kept: Nhúng dữ liệu'],
  },
  {
    title: 'frameset inside the body',
    payload: '<frameset><frame src="javascript:JS"></frameset><p>Khung cũ.</p>',
    expected: ['no-frame'],
  },

  // ── meta refresh, base, link ────────────────────────────────────────────────────────────
  {
    title: 'meta refresh to javascript:',
    payload: '<meta http-equiv="refresh" content="3600;url=javascript:JS"><p>Làm mới trang.</p>',
    expected: ['no-meta', 'text-kept: Làm mới trang'],
  },
  {
    title: 'meta refresh to the hit URL',
    payload: '<meta http-equiv="refresh" content="3600;url=HIT"><p>Chuyển hướng.</p>',
    expected: ['no-meta', 'text-kept: Chuyển hướng'],
  },
  {
    title: 'base href hijacking relative links',
    payload: '<base href="javascript:JS//"><p><a href="tin-khac.html">Tin liên quan tương đối</a></p>',
    expected: ['no-base', 'no-js-url'],
  },
  {
    title: 'link rel=import / stylesheet',
    payload: '<link rel="import" href="HIT"><link rel="stylesheet" href="HIT"><p>Liên kết ngoài.</p>',
    expected: ['no-meta', 'text-kept: Liên kết ngoài'],
  },

  // ── forms and formaction ────────────────────────────────────────────────────────────────
  {
    title: 'form action javascript:',
    payload: '<form action="javascript:JS"><input type="submit" value="Gửi"></form><p>Biểu mẫu gửi.</p>',
    expected: ['no-form', 'text-kept: Biểu mẫu gửi'],
  },
  {
    title: 'button formaction',
    payload: '<form><button formaction="javascript:JS">Nút bấm gửi</button></form>',
    expected: ['no-form', 'no-js-url'],
  },
  {
    title: 'input autofocus onfocus',
    payload: '<input autofocus onfocus="JS" value="ô nhập"><p>Ô nhập liệu.</p>',
    expected: ['no-form', 'no-handler', 'text-kept: Ô nhập liệu'],
  },
  {
    title: 'isindex / keygen legacy elements',
    payload: '<isindex type="image" src="1" onerror="JS"><keygen autofocus onfocus="JS"><p>Thẻ cổ.</p>',
    expected: ['no-handler', 'text-kept: Thẻ cổ'],
  },

  // ── CSS ─────────────────────────────────────────────────────────────────────────────────
  {
    title: 'style attribute url()',
    payload: '<p style="background:url(HIT)">Nền ảnh CSS.</p>',
    expected: ['no-style', 'text-kept: Nền ảnh CSS'],
  },
  {
    title: 'style attribute expression()',
    payload: '<p style="width:expression(JS)">Biểu thức CSS.</p>',
    expected: ['no-style', 'text-kept: Biểu thức CSS'],
  },
  {
    title: 'style element with @import and url()',
    payload: '<style>@import "HIT"; p{background:url(HIT)}</style><p>Kiểu nhập.</p>',
    expected: ['no-style', 'text-kept: Kiểu nhập'],
  },
  {
    title: '-moz-binding and behavior',
    payload: '<p style="-moz-binding:url(HIT#x);behavior:url(HIT)">Ràng buộc CSS.</p>',
    expected: ['no-style', 'text-kept: Ràng buộc CSS'],
  },
  {
    title: 'style closing a title (raw text escape)',
    payload: '<title></title><style></title><img src=x onerror="JS"></style><p>Thoát tiêu đề.</p>',
    expected: ['no-handler', 'no-style'],
  },

  // ── DOM clobbering of names the extension, DOMPurify and Readability use ─────────────────
  {
    title: 'id="vietlao-view" and a fake <vietlao-view>',
    payload: '<div id="vietlao-view"><p>Giả khung đọc.</p></div><vietlao-view data-x="1">Phần tử giả</vietlao-view>',
    expected: ['no-clobber', 'text-kept: Giả khung đọc'],
  },
  {
    title: 'img name=body / form name=head',
    payload: '<img name="body" src="https://antv.gov.vn/a.jpg"><form name="head"></form><p>Ghi đè thân.</p>',
    expected: ['no-clobber', 'text-kept: Ghi đè thân'],
  },
  {
    title: 'forms named document / location',
    payload:
      '<form name="document"><input name="cookie"></form><form id="location" name="location"><input name="href" value="javascript:JS"></form><p>Ghi đè tài liệu.</p>',
    expected: ['no-clobber', 'no-form', 'text-kept: Ghi đè tài liệu'],
  },
  {
    title: 'img name=createElement / cloneNode',
    payload:
      '<img name="createElement" src="https://antv.gov.vn/b.jpg"><img name="cloneNode" src="https://antv.gov.vn/c.jpg"><p>Ghi đè phương thức.</p>',
    expected: ['no-clobber', 'text-kept: Ghi đè phương thức'],
  },
  {
    title: 'img name=implementation (DOMPurify isSupported)',
    payload: '<img name="implementation" src="https://antv.gov.vn/d.jpg"><p>Ghi đè hiện thực.</p>',
    expected: ['no-clobber', 'text-kept: Ghi đè hiện thực'],
    advisory: 'DOMPurify isSupported clobbering',
  },
  {
    title: 'form with input name=attributes (DOMPurify _isClobbered)',
    payload:
      '<form><input name="attributes"><input name="nodeName"><input name="removeChild"></form><p>Ghi đè thuộc tính.</p>',
    expected: ['no-clobber', 'no-form', 'text-kept: Ghi đè thuộc tính'],
  },
  {
    title: 'anchors named defaultView / querySelector',
    payload:
      '<a id="defaultView" name="defaultView" href="https://antv.gov.vn/e">Cửa sổ</a><img name="querySelector" src="https://antv.gov.vn/f.jpg"><p>Ghi đè truy vấn.</p>',
    expected: ['no-clobber', 'text-kept: Ghi đè truy vấn'],
  },
  {
    title: 'window.__xss via id',
    payload: '<a id="__xss" href="https://antv.gov.vn/g">Biến toàn cục</a><p>Ghi đè biến.</p>',
    expected: ['no-clobber', 'text-kept: Ghi đè biến'],
  },
  {
    title: 'embed / object named getElementById',
    payload: '<object name="getElementById" id="getElementsByTagName"></object><p>Ghi đè tìm phần tử.</p>',
    expected: ['no-clobber', 'text-kept: Ghi đè tìm phần tử'],
  },

  // ── mutation XSS from DOMPurify's and the parsers' history ───────────────────────────────
  {
    title: 'noscript closing comment',
    payload: '<noscript><p title="</noscript><img src=x onerror=JS>">Trong noscript</p></noscript>',
    expected: ['no-handler', 'no-template'],
    advisory: 'Masato Kinugawa, DOMPurify 2.0.0 bypass (2019)',
  },
  {
    title: 'svg p style namespace confusion',
    payload: '<svg></p><style><a id="</style><img src=1 onerror=JS>"></svg><p>Sau không gian tên.</p>',
    expected: ['no-handler', 'no-svg'],
    advisory: 'DOMPurify 2.0.1 bypass (Gareth Heyes, 2019)',
  },
  {
    title: 'form nesting mXSS',
    payload: '<form id="outer"><div></form><form id="inner"><img src=x onerror="JS">Lồng biểu mẫu</form></div>',
    expected: ['no-form', 'no-handler'],
    advisory: 'DOMPurify 2.2.2 form nesting (Michał Bentkowski, 2020)',
  },
  {
    title: 'math annotation-xml encoding text/html',
    payload:
      '<math><annotation-xml encoding="text/html"><style><img src=x onerror="JS"></style></annotation-xml></math><p>Chú thích XML.</p>',
    expected: ['no-math', 'no-handler'],
  },
  {
    title: 'table foster parenting with style',
    payload: '<table><style><img src=x onerror="JS"></style><tr><td>Ô bảng</td></tr></table>',
    expected: ['no-handler', 'text-kept: Ô bảng'],
  },
  {
    title: 'comment ending inside an attribute',
    payload: '<!--><img src=x onerror="JS">--><p>Chú thích kết thúc.</p>',
    expected: ['no-handler', 'text-kept: Chú thích kết thúc'],
  },
  {
    title: 'processing instruction / CDATA in svg',
    payload: '<svg><![CDATA[><img src=x onerror="JS">]]></svg><p>Khối CDATA.</p>',
    expected: ['no-handler', 'no-svg'],
  },
  {
    title: 'deeply nested mXSS (DOMPurify nesting depth)',
    payload: `${'<div>'.repeat(520)}<img src=x onerror="JS">${'</div>'.repeat(520)}<p>Lồng sâu.</p>`,
    expected: ['no-handler'],
    advisory: 'CVE-2024-45801 / GHSA-mmhx-hmjr-r674 (DOMPurify nesting-depth bypass)',
  },
  {
    title: 'template with script and clobbered content',
    payload: '<template><script>JS</script><img src=x onerror="JS"></template><p>Mẫu tài liệu.</p>',
    expected: ['no-template', 'no-script', 'text-kept: Mẫu tài liệu'],
  },
  {
    title: 'template shadowrootmode (declarative shadow DOM)',
    payload: '<div><template shadowrootmode="open"><img src=x onerror="JS"></template>Bóng khai báo</div>',
    expected: ['no-template', 'no-handler', 'text-kept: Bóng khai báo'],
  },
  {
    title: 'selectedcontent / select mXSS shape',
    payload: '<select><option><img src=x onerror="JS">Lựa chọn</option></select><p>Hộp chọn.</p>',
    expected: ['no-form', 'no-handler'],
  },
  {
    title: 'is attribute custom element',
    payload: '<p is="x-evil" onclick="JS">Phần tử tùy chỉnh.</p>',
    expected: ['no-handler'],
    advisory: 'GHSA-p3vf-v8qc-cwcr (DOMPurify is attribute, 2024)',
  },
  {
    title: 'xmp / plaintext raw text',
    payload: '<xmp><img src=x onerror="JS"></xmp><p>Văn bản thô.</p>',
    expected: ['no-handler'],
  },
  {
    title: 'noembed / noframes closing',
    payload: '<noembed><img title="</noembed><img src=x onerror=JS>"></noembed><p>Không nhúng.</p>',
    expected: ['no-handler'],
  },
  {
    title: 'textarea closing trick',
    payload: '<textarea><img title="</textarea><img src=x onerror=JS>"></textarea><p>Vùng văn bản.</p>',
    expected: ['no-handler', 'no-form'],
  },
  {
    title: 'script in a table caption',
    payload: '<table><caption><script>JS</script>Chú thích bảng</caption><tr><td>Một ô</td></tr></table>',
    expected: ['no-script', 'text-kept: Một ô'],
  },
  {
    title: 'script with type module and src',
    payload: '<script type="module" src="HIT"></script><script src="HIT"></script><p>Tập lệnh ngoài.</p>',
    expected: ['no-script', 'text-kept: Tập lệnh ngoài'],
  },
  {
    title: 'data- and aria- attributes carrying URLs',
    payload: '<p data-href="javascript:JS" aria-describedby="x" data-bind="click: JS">Thuộc tính dữ liệu.</p>',
    expected: ['no-handler', 'text-kept: Thuộc tính dữ liệu'],
  },
  {
    title: 'a target=_blank without rel (tabnabbing)',
    payload: '<p><a href="https://antv.gov.vn/h" target="_blank">Mở tab mới</a></p>',
    expected: ['text-kept: Mở tab mới'],
  },
  {
    title: 'img with ping / a with ping',
    payload: '<p><a href="https://antv.gov.vn/i" ping="HIT">Liên kết ping</a></p>',
    expected: ['text-kept: Liên kết ping'],
  },
];

export const HIT_PATH = '/__xss/';

/** Stable id of the payload at `index` (x01, x02, …). */
export const payloadId = (index: number) => `x${String(index + 1).padStart(2, '0')}`;

/** Fill the JS and HIT placeholders for one payload, hitting `host`. */
export function instrument(p: XssPayload, index: number, host: string): string {
  const id = payloadId(index);
  const hit = `https://${host}${HIT_PATH}${id}`;
  const js = `(window.__xss=1,console.log('__xss ${id}'),fetch('${hit}'),alert('${id}'))`;
  return p.payload.replaceAll('JS', js).replaceAll('HIT', hit);
}

/** The texts the payload's `text-kept:` expectations promise. */
export const keptTexts = (p: XssPayload) =>
  p.expected.filter((e) => e.startsWith('text-kept: ')).map((e) => e.slice('text-kept: '.length));
