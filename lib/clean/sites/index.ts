/** Step 1 of the pipeline: pick the site rule for a URL (one file per site or CMS family). */
import { antv } from './antv';
import { bienphong } from './bienphong';
import { bocongan } from './bocongan';
import { boxDetail } from './box-detail';
import { cmsTemplate } from './cms-template';
import { generic } from './generic';
import { mastercms } from './mastercms';
import { postTemplate } from './post-template';
import { vccorpAfcbc } from './vccorp-afcbc';
import { vov } from './vov';
import type { SiteRule } from './rule';

export type { SiteRule } from './rule';
export { COMMON_REMOVE } from './rule';

export const SITE_RULES: readonly SiteRule[] = [
  antv,
  mastercms,
  boxDetail,
  cmsTemplate,
  postTemplate,
  vccorpAfcbc,
  vov,
  bocongan,
  bienphong,
];

/** Host without "www." / "m." / "amp.", lower case. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^(?:www|m|amp)\./, '');
  } catch {
    return '';
  }
}

export function pickRule(url: string): SiteRule {
  const host = siteOf(url);
  return SITE_RULES.find((rule) => rule.hosts.some((h) => host === h || host.endsWith(`.${h}`))) ?? generic;
}
