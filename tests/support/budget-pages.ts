/**
 * Pages past the page budget (lib/clean/budget.ts), shared by the e2e journey
 * (tests/e2e/budgets.e2e.ts) and the benchmark (case 1): a real fixture article grown under
 * another path of its site, with a 20 MB text node its own CSS hides, or 200,000 elements.
 */
import type { FixturePage } from './fixture-server';

export interface BudgetPage {
  name: string;
  url: string;
  html: string;
}

const grown = (template: FixturePage, name: string, path: string, extra: string): BudgetPage => ({
  name,
  url: new URL(path, template.url).href,
  html: template.html.replace('</body>', `${extra}</body>`),
});

export const budgetPages = (template: FixturePage): BudgetPage[] => [
  grown(
    template,
    'a 20 MB text node hidden by the page',
    '/quoc-te/trang-an-20mb-123456.html',
    `<div style="display:none">${'Lào Việt Nam hợp tác '.repeat(1_000_000)}</div>`,
  ),
  grown(template, '200,000 elements', '/quoc-te/trang-200000-phan-tu-123457.html', '<i></i>'.repeat(200_000)),
];
