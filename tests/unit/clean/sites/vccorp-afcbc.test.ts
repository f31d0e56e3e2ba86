/** VCCorp "afcbc" in-body boxes: photo boxes stay as figures, related-news and media boxes go. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { prepareVcSortableBoxes, vcBoxKind } from '@/lib/clean/sites/vccorp-afcbc';

const body = (html: string) => new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;
const box = (html: string) => body(html).firstElementChild!;

const PHOTO = (type: string) =>
  `<div class="VCSortableInPreviewMode" type="${type}"><div><a href="https://bcp.cdnchinhphu.vn/a.jpg" data-fancybox="img-lightbox"><img src="https://bcp.cdnchinhphu.vn/a.jpg" alt="Thủ tướng tiếp Đại sứ Lào"></a></div><div class="PhotoCMS_Caption"><p>Thủ tướng tiếp Đại sứ Lào. Ảnh: VGP/Nhật Bắc</p></div></div>`;
const RELATED = (type: string) =>
  `<div class="VCSortableInPreviewMode" type="${type}"><div class="kbwscwl-relatedbox"><ul><li><a href="https://baochinhphu.vn/tin-khac-102240729101010101.htm"><img src="https://bcp.cdnchinhphu.vn/t.jpg" alt=""></a><h4><a href="https://baochinhphu.vn/tin-khac-102240729101010101.htm">Thủ tướng dự Hội nghị hợp tác Việt Nam - Lào</a></h4></li></ul></div></div>`;

describe('vcBoxKind', () => {
  it.each(['Photo', 'photo', 'PhotoInline', 'LayoutAlbum'])(
    'type=%j with an image and a caption is a photo',
    (type) => {
      expect(vcBoxKind(box(PHOTO(type)))).toBe('photo');
    },
  );
  it.each(['RelatedNewsBox', 'RelatedOneNews', 'link-content-footer', 'NewsRelation'])(
    'type=%j is related news',
    (type) => {
      expect(vcBoxKind(box(RELATED(type)))).toBe('related');
    },
  );
  it('a photo-typed box that links to another article is a teaser', () => {
    expect(vcBoxKind(box(RELATED('photo')))).toBe('related');
  });
  it.each(['VideoStream', 'Video'])('type=%j is media', (type) => {
    expect(
      vcBoxKind(
        box(
          `<div class="VCSortableInPreviewMode" type="${type}"><div class="VideoCMS_Caption"><p>Clip</p></div></div>`,
        ),
      ),
    ).toBe('media');
  });
  it('a prose box ("wrapnote") is content', () => {
    expect(
      vcBoxKind(
        box(
          '<div class="VCSortableInPreviewMode" type="wrapnote"><p>Việt Nam và Lào ký 12 văn kiện hợp tác trong các lĩnh vực.</p></div>',
        ),
      ),
    ).toBe('content');
  });
  it('an untyped box of links is related', () => {
    expect(
      vcBoxKind(
        box(
          '<div class="VCSortableInPreviewMode"><a href="https://baochinhphu.vn/x-102240729101010102.htm">Tin khác về hợp tác Việt Nam - Lào</a></div>',
        ),
      ),
    ).toBe('related');
  });
});

describe('prepareVcSortableBoxes', () => {
  it('turns photo boxes into figures with their caption and removes related boxes', () => {
    const b = body(
      `<div class="detail-content afcbc-body"><p>Đoạn một.</p>${PHOTO('Photo')}<p>Đoạn hai.</p>${RELATED('RelatedNewsBox')}${RELATED('RelatedOneNews')}<p>Đoạn ba.</p></div>`,
    );
    prepareVcSortableBoxes(b);
    const figures = b.querySelectorAll('figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]!.querySelector('img')?.getAttribute('src')).toBe('https://bcp.cdnchinhphu.vn/a.jpg');
    expect(figures[0]!.querySelector('figcaption')?.textContent).toBe('Thủ tướng tiếp Đại sứ Lào. Ảnh: VGP/Nhật Bắc');
    expect(b.textContent).not.toContain('Hội nghị hợp tác');
    expect(b.textContent).toContain('Đoạn ba.');
    expect(b.querySelector('.VCSortableInPreviewMode')).toBeNull();
  });
});
