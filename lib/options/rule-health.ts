/**
 * The options page's rule health section (issue 12.6): the sites whose own rule missed recent
 * articles, each with *Copy report*. Everything is read from local storage; nothing is sent.
 */
import { t } from '@/lib/i18n';
import { unhealthy, type RuleHealth } from '@/lib/clean/rule-health';
import { button, h } from '@/lib/ui/dom';

/** One line per site whose rule missed, in the UI language. */
export function healthLines(health: RuleHealth): { host: string; line: string; report: string | undefined }[] {
  return unhealthy(health).map((s) => ({
    host: s.host,
    line: t(s.path === 'generic' ? 'optionsHealthGeneric' : 'optionsHealthFamily', [
      s.host,
      String(s.missed),
      String(s.of),
    ]),
    report: s.last.report,
  }));
}

export function healthSection(doc: Document, health: RuleHealth, copy: (text: string) => Promise<void>): HTMLElement {
  const status = h(doc, 'p', { className: 'status', attrs: { role: 'status', 'aria-live': 'polite' } });
  const list = h(doc, 'ul', { className: 'sites', testid: 'rule-health' });
  const lines = healthLines(health);
  if (lines.length === 0) list.append(h(doc, 'li', { className: 'empty', text: t('optionsHealthNone') }));
  for (const { host, line, report } of lines) {
    const item = h(doc, 'li', { className: 'site', testid: 'rule-health-site' }, h(doc, 'span', { text: line }));
    item.dataset.host = host;
    if (report !== undefined) {
      item.append(
        button(
          doc,
          t('optionsCopyReport'),
          () =>
            void copy(report)
              .then(() => (status.textContent = t('optionsReportCopied')))
              .catch(() => undefined),
          { className: 'btn', testid: 'copy-report' },
        ),
      );
    }
    list.append(item);
  }
  return h(
    doc,
    'section',
    {},
    h(doc, 'h2', { text: t('optionsHealth') }),
    h(doc, 'p', { className: 'hint', text: t('optionsHealthHint') }),
    list,
    status,
  );
}
