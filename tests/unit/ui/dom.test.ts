// @vitest-environment jsdom
/** lib/ui/dom.ts: every string it is given loses its bidi controls; `isolate` sets dir="auto". */
import { describe, expect, it } from 'vitest';
import { button, h } from '@/lib/ui/dom';

describe('h', () => {
  it('strips bidi controls from text, string children and attribute values', () => {
    const node = h(
      document,
      'p',
      { text: 'Tiêu đề \u202Eoàl\u202C', attrs: { title: '\u2067Lào', 'aria-label': 'x\u200Fy' } },
      ' · \u202Dthêm',
    );
    expect(node.textContent).toBe('Tiêu đề oàl · thêm');
    expect(node.getAttribute('title')).toBe('Lào');
    expect(node.getAttribute('aria-label')).toBe('xy');
  });

  it('isolates on request, and only then', () => {
    expect(h(document, 'span', { text: 'Lào', isolate: true }).getAttribute('dir')).toBe('auto');
    expect(h(document, 'span', { text: 'Lào' }).hasAttribute('dir')).toBe(false);
  });

  it('appends element children as they are', () => {
    const child = h(document, 'b', { text: 'đậm' });
    const node = h(document, 'p', {}, child, null, false, undefined, 'x');
    expect(node.firstChild).toBe(child);
    expect(node.textContent).toBe('đậmx');
  });

  it('button labels are stripped too', () => {
    expect(button(document, 'Lưu\u202E', () => undefined).textContent).toBe('Lưu');
  });
});
