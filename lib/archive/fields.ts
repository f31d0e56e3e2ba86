/**
 * Named checks for the article fields that are not free text — web addresses (url, canonicalUrl,
 * leadImage), the site and the language — used on the way in (import validation, saves) and on
 * the way out (exports write only values that pass them). Each check answers null (valid) or a
 * FieldProblem that says, in English and Vietnamese, what is wrong. Field limits: lib/limits.ts.
 */
import type { CleanedBy } from '@/lib/article';
import { MAX_URL_LENGTH } from '@/lib/limits';

export type FieldProblemCode =
  'not-web-url' | 'userinfo' | 'control' | 'html' | 'not-host' | 'not-lang' | 'too-long' | 'not-rule';

/** What is wrong with a field, as the end of a sentence starting with the field's name. */
export interface FieldProblem {
  code: FieldProblemCode;
  en: string;
  vi: string;
}

/** Longest site (a host name, RFC 1035). */
export const MAX_SITE_LENGTH = 253;
/** Longest language tag (BCP 47 allows 35 characters). */
export const MAX_LANG_LENGTH = 35;
/** The language written when a stored one is not a language tag (the pipeline's own default). */
export const FALLBACK_LANG = 'vi';

/** C0 and C1 controls (tab and newline included) and the bidi controls of lib/text/bidi.ts. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
/** Characters that make a string look like markup or break out of an attribute. */
const MARKUP = /[<>"'`&]/;
const HOST = /^(?:[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*$|^\[[0-9a-f:.]+\]$/i;
const LANG = /^[a-z0-9_-]*$/i;

function quote(value: string): string {
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return JSON.stringify(shown);
}

function control(value: string): FieldProblem | null {
  return CONTROL.test(value)
    ? {
        code: 'control',
        en: 'holds control or invisible direction characters',
        vi: 'chứa ký tự điều khiển hoặc ký tự đổi chiều vô hình',
      }
    : null;
}

function markup(value: string): FieldProblem | null {
  return MARKUP.test(value)
    ? {
        code: 'html',
        en: `looks like HTML (${quote(value)}): it may hold no < > " ' \` or &`,
        vi: `trông như mã HTML (${quote(value)}): không được chứa < > " ' \` hay &`,
      }
    : null;
}

/** The text between "scheme://" and the path, as written (before the URL parser normalises it). */
function writtenAuthority(value: string): string {
  const afterScheme = value.replace(/^[a-z][a-z0-9+.-]*:[/\\]*/i, '');
  return afterScheme.split(/[/\\?#]/, 1)[0] ?? '';
}

/**
 * An absolute http(s) address with a host and no user name or password — "https://nhandan.vn@evil.example/"
 * names nhandan.vn but opens evil.example, so it is refused and the message says where it goes.
 */
export function webUrlProblem(value: string): FieldProblem | null {
  if (value.length > MAX_URL_LENGTH)
    return {
      code: 'too-long',
      en: `is longer than ${MAX_URL_LENGTH} characters`,
      vi: `dài quá ${MAX_URL_LENGTH} ký tự`,
    };
  const bad = control(value);
  if (bad) return bad;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    url = new URL('about:blank');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '')
    return {
      code: 'not-web-url',
      en: `is not a valid http(s) URL, got ${quote(value)}`,
      vi: `không phải địa chỉ web http(s) hợp lệ: ${quote(value)}`,
    };
  if (url.username !== '' || url.password !== '' || writtenAuthority(value).includes('@'))
    return {
      code: 'userinfo',
      en: `hides its real host: ${quote(value)} opens ${url.host}. Addresses with a user name before the host (name@host) are not accepted`,
      vi: `che giấu máy chủ thật: ${quote(value)} mở ${url.host}. Không chấp nhận địa chỉ có tên người dùng trước máy chủ (tên@máy-chủ)`,
    };
  return null;
}

/** A host name such as "antv.gov.vn": no markup, no control characters, letters, digits, dots and hyphens. */
export function siteProblem(value: string): FieldProblem | null {
  const bad = control(value) ?? markup(value);
  if (bad) return bad;
  if (value.length > MAX_SITE_LENGTH || !HOST.test(value))
    return {
      code: 'not-host',
      en: `is not a host name such as "antv.gov.vn", got ${quote(value)}`,
      vi: `không phải tên máy chủ (như "antv.gov.vn"): ${quote(value)}`,
    };
  return null;
}

/** A language tag such as "vi" or "vi-VN" (empty allowed: "not said"). */
export function langProblem(value: string): FieldProblem | null {
  const bad = control(value) ?? markup(value);
  if (bad) return bad;
  if (value.length > MAX_LANG_LENGTH || !LANG.test(value))
    return {
      code: 'not-lang',
      en: `is not a language tag such as "vi", got ${quote(value)}`,
      vi: `không phải mã ngôn ngữ (như "vi"): ${quote(value)}`,
    };
  return null;
}

/** Tags, as written, up to their closing ">". */
const TAG = /<[a-z][^<>]*/gi;
/** An attribute named on… inside a tag (onclick=, onerror, ONLOAD = …). */
const HANDLER = /[\s/"']on[a-z]+(?=[\s=/]|$)/gi;

/**
 * How many inline event handler attributes `html` holds (counted up to `stopAt`, so a huge body
 * costs one linear pass at most). Sanitising removes them; counting first bounds what parsing them costs.
 */
export function inlineHandlerCount(html: string, stopAt = Number.POSITIVE_INFINITY): number {
  let count = 0;
  for (const [tag] of html.matchAll(TAG)) {
    count += tag.match(HANDLER)?.length ?? 0;
    if (count >= stopAt) break;
  }
  return count;
}

/** `value` when it is a valid web address (webUrlProblem), else null. */
export function validWebUrl(value: string | null | undefined): string | null {
  return typeof value === 'string' && webUrlProblem(value) === null ? value : null;
}

/** `value` when it is a language tag, else FALLBACK_LANG. */
export function validLang(value: string): string {
  return langProblem(value) === null ? value : FALLBACK_LANG;
}

/**
 * The host an address really opens, for showing next to a link ("evil.example" for
 * "https://nhandan.vn@evil.example/"; international names in their xn-- form, which cannot
 * pass for another site); null when it is not an http(s) address.
 */
export function realHost(value: string): string | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' ? url.host : null;
  } catch {
    return null;
  }
}

/** A rule id: a file name of lib/clean/sites ("mastercms", "vccorp-afcbc", "generic"). */
const RULE_ID = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const FALLBACKS: readonly unknown[] = ['family', 'generic', null];

/** The rule that cleaned an article: `{ id, fallback }`, id a rule's file name, fallback 'family', 'generic' or null. */
export function ruleProblem(value: unknown): FieldProblem | null {
  const v = value as Partial<CleanedBy> | null;
  const ok =
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).every((k) => k === 'id' || k === 'fallback') &&
    typeof v.id === 'string' &&
    RULE_ID.test(v.id) &&
    FALLBACKS.includes(v.fallback);
  return ok
    ? null
    : {
        code: 'not-rule',
        en: 'is not a rule such as {"id": "mastercms", "fallback": null} (fallback "family", "generic" or null)',
        vi: 'không phải quy tắc dạng {"id": "mastercms", "fallback": null} (fallback là "family", "generic" hoặc null)',
      };
}

/** `value` as a rule when it is one (ruleProblem), a fresh copy; else null ("not known"). */
export function validRule(value: unknown): CleanedBy | null {
  if (value === null || value === undefined || ruleProblem(value) !== null) return null;
  const v = value as CleanedBy;
  return { id: v.id, fallback: v.fallback };
}
