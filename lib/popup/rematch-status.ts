/**
 * The popup's line while the background matches the archive again (lib/background/rematch-job.ts):
 * "Đang cập nhật thực thể trong kho: 120/5.000 bài"; hidden when nothing is running.
 */
import { t } from '@/lib/i18n';
import { h } from '@/lib/ui/dom';
import { rematchProgress, type RematchProgress } from '@/lib/settings/rematch-progress';
import { formatCount, type Lang } from './numbers';

export function createRematchStatus(doc: Document, lang: Lang): HTMLElement {
  const line = h(doc, 'p', {
    className: 'rematch-status',
    testid: 'rematch-status',
    attrs: { role: 'status', 'aria-live': 'polite' },
  });
  const show = (p: RematchProgress | null) => {
    line.hidden = !p || p.finishedAt !== null || p.total === 0;
    if (p && !line.hidden)
      line.textContent = t('popupRematching', [formatCount(p.done, lang), formatCount(p.total, lang)]);
  };
  line.hidden = true;
  void rematchProgress.getValue().then(show);
  rematchProgress.watch(show);
  return line;
}
