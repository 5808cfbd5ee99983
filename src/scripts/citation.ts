/**
 * 引用本页 (src/components/Citation.astro): the reader's date of access in the citation, and
 * the copy button, shown only where the clipboard can be written. Does nothing on pages
 * without a citation.
 */
import { isoDay } from '../lib/citation.ts';

for (const accessed of document.querySelectorAll<HTMLElement>('[data-accessed]')) accessed.textContent = isoDay(new Date());
for (const button of document.querySelectorAll<HTMLButtonElement>('.cite-copy')) {
  const source = document.getElementById(button.dataset.copy ?? '');
  const status = button.parentElement?.querySelector('.cite-status');
  if (!source || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(source.textContent?.replace(/\s+/g, ' ').trim() ?? '');
      if (status) status.textContent = '已复制到剪贴板。';
    } catch {
      if (status) status.textContent = '无法访问剪贴板，请选中上面的文字后复制。';
    }
  });
}
