// The review page's keyboard shortcuts, listed on the page itself (opened by "?").
import type { Ref } from 'preact';
import { useI18n, type MessageKey } from '../../i18n';

const list: [string, MessageKey][] = [
  ['S', 'review.keys.same'], ['D', 'review.keys.different'], ['N / J', 'review.keys.next'],
  ['P / K', 'review.keys.previous'], ['R', 'review.keys.reason'], ['Esc', 'review.keys.leave'],
  ['?', 'review.keys.help'],
];

export function ShortcutList({ open, onToggle, summaryRef }: {
  open: boolean; onToggle: (open: boolean) => void; summaryRef: Ref<HTMLElement>;
}) {
  const { t } = useI18n();
  return (
    <details class="shortcuts" open={open} onToggle={(event) => onToggle((event.target as HTMLDetailsElement).open)}>
      <summary ref={summaryRef}>{t('review.keys.title')}</summary>
      <p>{t('review.keys.intro')}</p>
      <dl>
        {list.map(([keys, label]) => (
          <div key={keys}><dt><kbd>{keys}</kbd></dt><dd>{t(label)}</dd></div>
        ))}
      </dl>
    </details>
  );
}
