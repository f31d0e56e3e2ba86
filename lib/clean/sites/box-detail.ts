/**
 * The "box-*-detail" template: cand.com.vn / cand.vn (and nhandan.vn before its redesign).
 * Article: `h1.box-title-detail`, `div.box-date`, sapo `div.box-des-detail`, body
 * `div.box-content-detail div.detail-content-body`. Captions are printed twice (image alt and
 * caption). Fixtures: tests/fixtures/pages/cand--*.
 */
import type { SiteRule } from './rule';

export const boxDetail: SiteRule = {
  id: 'box-detail',
  hosts: ['cand.com.vn', 'cand.vn'],
  markers: ['.box-content-detail .detail-content-body', 'h1.box-title-detail'],
  article: ['.box-content-detail .detail-content-body', '.detail-content-body', '.box-content-detail'],
  title: ['h1.box-title-detail', '.box-title-detail', 'h1'],
  lead: ['.box-des-detail', '.box-sapo'],
  date: ['.box-date', '.box-detail-date'],
  byline: ['.box-author', '.author'],
  remove: ['.box-related', '.box-tinlienquan', '.box-same-category', '.box-detail-thumb-related'],
  titleSuffix: /\s*[-|–]\s*(?:Báo Công an Nhân dân điện tử|CAND|Công an nhân dân)\s*$/i,
  listingUrl: /^\/(?:[A-Za-z0-9-]+\/?)?(?:\?.*)?$/,
};
