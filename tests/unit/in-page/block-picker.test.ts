/** Remove this block: pick mode from the keyboard and the mouse, Esc, undo. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createBlockPicker } from '@/lib/in-page/block-picker';

function setup() {
  const dom = new JSDOM(
    '<div class="vl-article"><div class="vl-body"><figure>F</figure><p>Một</p><p>Hai</p><p>Ba</p></div></div>',
  );
  const doc = dom.window.document;
  const body = doc.querySelector<HTMLElement>('.vl-body')!;
  const removed: string[] = [];
  const restored: string[] = [];
  const ended: boolean[] = [];
  const picker = createBlockPicker(
    body,
    (b) => removed.push(b.textContent ?? ''),
    (b) => restored.push(b.textContent ?? ''),
    (r) => ended.push(r),
  );
  const key = (k: string) =>
    doc.activeElement!.dispatchEvent(
      new dom.window.KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }),
    );
  const visible = () =>
    Array.from(body.children)
      .filter((c) => !(c as HTMLElement).hidden)
      .map((c) => c.textContent);
  return { doc, body, picker, removed, restored, ended, key, visible, dom };
}

describe('block picker', () => {
  it('from the keyboard: arrows move through the blocks, Enter removes the focused one, undo puts it back', () => {
    const s = setup();
    s.picker.start();
    expect(s.doc.activeElement?.textContent).toBe('F');
    expect(s.body.querySelectorAll('[tabindex="0"]')).toHaveLength(4); // Tab reaches every block
    s.key('ArrowDown');
    s.key('ArrowDown');
    s.key('ArrowUp');
    expect(s.doc.activeElement?.textContent).toBe('Một');
    s.key('Enter');
    expect(s.visible()).toEqual(['F', 'Hai', 'Ba']);
    expect(s.removed).toEqual(['Một']);
    expect(s.picker.active).toBe(false);
    expect(s.body.querySelectorAll('[tabindex]')).toHaveLength(0);
    expect(s.picker.canUndo).toBe(true);
    expect(s.picker.undo()).toBe(true);
    expect(s.picker.canUndo).toBe(false);
    expect(s.visible()).toEqual(['F', 'Một', 'Hai', 'Ba']);
    expect(s.restored).toEqual(['Một']);
    expect(s.picker.undo()).toBe(false);
  });

  it('Esc cancels without removing anything', () => {
    const s = setup();
    s.picker.start();
    s.key('ArrowDown');
    s.key('Escape');
    expect(s.picker.active).toBe(false);
    expect(s.visible()).toEqual(['F', 'Một', 'Hai', 'Ba']);
    expect(s.removed).toEqual([]);
    expect(s.ended).toEqual([false]);
  });

  it('a click on a block (or inside it) removes it; outside pick mode a click does nothing', () => {
    const s = setup();
    s.body.children[2]!.dispatchEvent(new s.dom.window.MouseEvent('click', { bubbles: true }));
    expect(s.removed).toEqual([]);
    s.picker.start();
    s.body.children[2]!.dispatchEvent(new s.dom.window.MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(s.removed).toEqual(['Hai']);
    expect(s.visible()).toEqual(['F', 'Một', 'Ba']);
  });
});
