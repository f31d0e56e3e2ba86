/** Which rule serves which host, and which URLs of the new families are listings. */
import { describe, expect, it } from 'vitest';
import { pickRule } from '@/lib/clean/sites';

describe('pickRule for the CMS families', () => {
  it.each([
    ['https://nhandan.vn/viet-nam-lao-post801234.html', 'cms-template'],
    ['https://www.vietnamplus.vn/viet-nam-lao-post998877.vnp', 'cms-template'],
    ['https://vovworld.vn/vi-VN/chinh-tri/viet-nam-lao-1234567.vov', 'cms-template'],
    ['https://www.qdnd.vn/quoc-phong-an-ninh/tin-tuc/viet-nam-lao-761234', 'post-template'],
    ['https://dangcongsan.vn/thoi-su/viet-nam-lao-665544.html', 'post-template'],
    ['https://baochinhphu.vn/viet-nam-lao-102240730164512345.htm', 'vccorp-afcbc'],
    ['https://vov.vn/chinh-tri/viet-nam-lao-post1098765.vov', 'vov'],
    ['https://bocongan.gov.vn/bai-viet/viet-nam-lao-d104-t45880', 'bocongan'],
    ['https://www.bienphong.com.vn/viet-nam-lao-post473259.html', 'bienphong'],
    ['https://baoquocte.vn/viet-nam-lao-258123.html', 'mastercms'],
  ])('%s → %s', (url, id) => expect(pickRule(url).id).toBe(id));

  it('vovworld.vn is not vov.vn', () => expect(pickRule('https://vovworld.vn/vi-VN/x-1.vov').id).toBe('cms-template'));

  it.each([
    'https://nhandan.vn/',
    'https://nhandan.vn/thegioi/',
    'https://www.vietnamplus.vn/the-gioi/asean',
    'https://vovworld.vn/vi-VN/chinh-tri',
    'https://www.qdnd.vn/quoc-phong-an-ninh/tin-tuc',
    'https://dangcongsan.vn/thoi-su',
    'https://baochinhphu.vn/',
    'https://baochinhphu.vn/chinh-phu.htm',
    'https://vov.vn/chinh-tri/doi-ngoai',
    'https://bocongan.gov.vn/chuyen-muc/tin-tuc-su-kien-d104',
    'https://www.bienphong.com.vn/quoc-phong-an-ninh/',
  ])('%s is a listing', (url) => {
    const u = new URL(url);
    expect(pickRule(url).listingUrl?.test(u.pathname + u.search)).toBe(true);
  });

  it.each([
    'https://nhandan.vn/viet-nam-lao-post801234.html',
    'https://www.vietnamplus.vn/viet-nam-lao-post998877.vnp',
    'https://www.qdnd.vn/quoc-phong-an-ninh/tin-tuc/viet-nam-lao-761234',
    'https://baochinhphu.vn/viet-nam-lao-102240730164512345.htm',
    'https://vov.vn/chinh-tri/viet-nam-lao-post1098765.vov',
    'https://bocongan.gov.vn/bai-viet/viet-nam-lao-d104-t45880',
    'https://bocongan.gov.vn/tin-tuc-su-kien/viet-nam-lao-t29741.html',
    'https://www.bienphong.com.vn/viet-nam-lao-post473259.html',
  ])('%s is not a listing', (url) => {
    const u = new URL(url);
    expect(pickRule(url).listingUrl?.test(u.pathname + u.search)).toBe(false);
  });
});
