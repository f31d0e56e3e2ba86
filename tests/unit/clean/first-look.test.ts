/**
 * notArticleUrl: the URL half of the first look, all the background's automatic cleaning reads
 * (issue 16.4). On the real fixture pages: every article page is a candidate, every listing page
 * is not — so the background, which sees no DOM, injects the reader on exactly the right pages.
 */
import { describe, expect, it } from 'vitest';
import { notArticleUrl } from '@/lib/clean/first-look';
import { loadFixtures } from '../../support/fixture-server';

const fixtures = loadFixtures();

describe('notArticleUrl', () => {
  it.each(fixtures.filter((f) => f.expected.isArticle).map((f) => [f.folder, f.url]))(
    '%s is an article candidate',
    (_name, url) => {
      expect(notArticleUrl(url)).toBeNull();
    },
  );

  it.each(fixtures.filter((f) => !f.expected.isArticle).map((f) => [f.folder, f.url]))(
    '%s is a listing page',
    (_name, url) => {
      expect(notArticleUrl(url)).toBe('listing page');
    },
  );

  it('an address that is not a URL is no article', () => {
    expect(notArticleUrl('not a url')).toBe('invalid URL');
  });
});
