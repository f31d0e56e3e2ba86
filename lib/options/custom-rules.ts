/**
 * The options page's custom rule per site (issue 12.5): an article container selector and
 * selectors to remove, kept in the site's fix (lib/clean/site-fixes.ts: `container`, `remove` —
 * the same fields *Remove this block* adds to), with a live count of what each matches in the
 * site's open tab (the background asks the tab's in-page view: lib/background/custom-rule.ts).
 * An invalid selector is said to be one (checked here first, so even without a tab), never thrown.
 */
import { countMatches, withCustomRule, type SiteFix, type SiteFixes } from '@/lib/clean/site-fixes';
import { t } from '@/lib/i18n';
import { sendMessage, type CustomRuleCounts, type SelectorCount } from '@/lib/messaging';
import { siteFixes } from '@/lib/settings/site-fixes';
import { normalizeHostInput } from '@/lib/settings/sites';
import { button, h } from '@/lib/ui/dom';

export interface CustomRulesStore {
  read(): Promise<SiteFixes>;
  write(fixes: SiteFixes): Promise<void>;
  watch(changed: (fixes: SiteFixes) => void): void;
  count(site: string, container: string, remove: string[]): Promise<CustomRuleCounts>;
}

const STORED: CustomRulesStore = {
  read: () => siteFixes.getValue(),
  write: (fixes) => siteFixes.setValue(fixes),
  watch: (changed) => void siteFixes.watch((v) => changed(v ?? {})),
  count: (site, container, remove) =>
    sendMessage('countCustomRule', { site, container, remove }).catch((): CustomRuleCounts => ({
      ok: false,
      code: 'no-tab',
    })),
};

/** How long typing may pause before the tab is asked again. */
const COUNT_DELAY_MS = 250;

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** What a count says: "3 matching elements", "1 matching element", "matches nothing", "not a valid selector". */
export function countLabel(count: number | null): string {
  if (count === null) return t('optionsCustomInvalid');
  if (count === 0) return t('optionsCustomNoMatch');
  return count === 1 ? t('optionsCustomCountOne') : t('optionsCustomCount', String(count));
}

export async function customRulesSection(doc: Document, store: CustomRulesStore = STORED): Promise<HTMLElement> {
  let fixes = await store.read();
  const site = h(doc, 'input', {
    testid: 'custom-site',
    attrs: { type: 'text', placeholder: 'antv.gov.vn', autocomplete: 'off' },
  });
  const container = h(doc, 'input', {
    testid: 'custom-container',
    attrs: { type: 'text', placeholder: '.detail-content', autocomplete: 'off', spellcheck: 'false' },
  });
  const remove = h(doc, 'textarea', {
    testid: 'custom-remove',
    attrs: { rows: '4', placeholder: '.box-related\n.share', spellcheck: 'false' },
  });
  const containerCount = h(doc, 'p', { className: 'hint', testid: 'custom-count-container' });
  const removeCounts = h(doc, 'ul', { className: 'counts', testid: 'custom-count-remove' });
  const countedIn = h(doc, 'p', { className: 'hint', testid: 'custom-counted-in', isolate: true });
  const status = h(doc, 'p', {
    className: 'status',
    testid: 'custom-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const list = h(doc, 'ul', { className: 'sites', testid: 'custom-rules' });

  const field = (label: string, input: HTMLElement, ...after: HTMLElement[]) => {
    const id = `custom-${input.dataset.testid ?? ''}`;
    input.id = id;
    return h(doc, 'div', { className: 'field' }, h(doc, 'label', { text: label, attrs: { for: id } }), input, ...after);
  };

  const showCount = (target: HTMLElement, c: SelectorCount) => {
    target.textContent = `${c.selector} — ${countLabel(c.count)}`;
    target.dataset.selector = c.selector;
    target.dataset.count = c.count === null ? 'invalid' : String(c.count);
  };

  let asked = 0;
  const recount = async () => {
    const ask = ++asked;
    const host = normalizeHostInput(site.value);
    const wanted = { container: container.value.trim(), remove: lines(remove.value) };
    // syntax is checked here: an invalid selector says so with or without a tab to count in
    const local = (s: string): SelectorCount => ({ selector: s, count: countMatches(doc, s) === null ? null : 0 });
    const answer: CustomRuleCounts = host
      ? await store.count(host, wanted.container, wanted.remove)
      : { ok: false, code: 'no-tab' };
    if (ask !== asked) return; // typed again meanwhile
    const counts = answer.ok
      ? answer
      : { container: wanted.container ? local(wanted.container) : null, remove: wanted.remove.map(local) };
    containerCount.replaceChildren();
    delete containerCount.dataset.count;
    if (counts.container) {
      if (answer.ok || counts.container.count === null) showCount(containerCount, counts.container);
    }
    removeCounts.replaceChildren();
    for (const c of counts.remove) {
      if (!answer.ok && c.count !== null) continue; // no count without a tab: only the invalid ones are said
      const item = h(doc, 'li', { testid: 'custom-count' });
      showCount(item, c);
      removeCounts.append(item);
    }
    countedIn.textContent = answer.ok
      ? t('optionsCustomCountedIn', answer.url)
      : host && (wanted.container || wanted.remove.length)
        ? t('optionsCustomNoTab', host)
        : '';
    countedIn.dataset.state = answer.ok ? 'counted' : 'no-tab';
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void recount(), COUNT_DELAY_MS);
  };
  for (const input of [site, container, remove]) input.addEventListener('input', later);
  // a site that has a fix already (blocks removed in the clean view, an earlier rule) starts from it,
  // so saving the form adds to it instead of dropping what was remembered
  site.addEventListener('input', () => {
    const host = normalizeHostInput(site.value);
    const fix = host ? fixes[host] : undefined;
    if (fix && container.value.trim() === '' && remove.value.trim() === '') {
      container.value = fix.container ?? '';
      remove.value = fix.remove.join('\n');
    }
  });

  const edit = (host: string, fix: SiteFix) => {
    site.value = host;
    container.value = fix.container ?? '';
    remove.value = fix.remove.join('\n');
    void recount();
    container.focus();
  };

  const renderList = () => {
    list.replaceChildren();
    const entries = Object.entries(fixes).filter(([, f]) => f.container !== undefined || f.remove.length > 0);
    if (entries.length === 0) list.append(h(doc, 'li', { className: 'empty', text: t('optionsCustomNone') }));
    for (const [host, fix] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      const summary = t('optionsCustomSummary', [
        fix.container ?? t('optionsCustomNoContainer'),
        String(fix.remove.length),
      ]);
      const item = h(
        doc,
        'li',
        { className: 'site', testid: 'custom-rule' },
        h(doc, 'span', { className: 'host', text: host }),
        h(doc, 'span', { text: summary, isolate: true }),
        button(doc, t('optionsCustomEdit'), () => edit(host, fix), { className: 'btn', testid: 'custom-edit' }),
      );
      item.dataset.host = host;
      list.append(item);
    }
  };

  const save = async () => {
    const host = normalizeHostInput(site.value);
    if (!host) return void (status.textContent = t('optionsInvalidHost'));
    const all = await store.read();
    fixes = { ...all, [host]: withCustomRule(all[host], container.value, lines(remove.value)) };
    await store.write(fixes);
    status.textContent = t('optionsCustomSaved', host);
    renderList();
  };

  const form = h(
    doc,
    'form',
    { className: 'sync-form custom-rule-form' },
    field(t('optionsCustomSite'), site),
    field(t('optionsCustomContainer'), container, containerCount),
    field(t('optionsCustomRemove'), remove, removeCounts),
    countedIn,
    h(
      doc,
      'div',
      { className: 'actions' },
      h(doc, 'button', {
        className: 'btn btn-primary',
        testid: 'custom-save',
        text: t('optionsCustomSave'),
        attrs: { type: 'submit' },
      }),
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void save();
  });
  store.watch((next) => {
    fixes = next;
    renderList();
  });
  renderList();
  return h(
    doc,
    'section',
    { testid: 'custom-rules-section' },
    h(doc, 'h2', { text: t('optionsCustomRules') }),
    h(doc, 'p', { className: 'hint', text: t('optionsCustomRulesHint') }),
    form,
    status,
    list,
  );
}
