// A waterfall chart in SVG, drawn from the figures alone: a bar from zero to the starting total,
// then one step per contribution (from the running total before it to the total after it), then
// a bar from zero to the final total. Rising and falling steps differ without colour: a falling
// step is hatched and its label carries ▼ and a minus sign, a rising one is solid with ▲ and a
// plus sign. Its title and description are the chart's accessible name; the same figures must be
// in a table beside it.
import { useI18n } from '../i18n';

export interface Step { label: string; value: number }

export function Waterfall({ title, description, start, steps, end, zeroLabel }: {
  title: string; description: string; start: Step; steps: Step[]; end: Step; zeroLabel: string;
}) {
  const { lang } = useI18n();
  const signed = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, minimumFractionDigits: 2, signDisplay: 'exceptZero' });
  const rowHeight = 30, top = 28, labelWidth = 190, valueWidth = 96, plotWidth = 420;
  const width = labelWidth + plotWidth + valueWidth, height = top + (steps.length + 2) * rowHeight + 8;
  // The running totals: before[i] is the total before step i.
  const before: number[] = [];
  let total = start.value;
  for (const step of steps) {
    before.push(total);
    total += step.value;
  }
  const extent = [0, start.value, end.value, total, ...before];
  const low = Math.min(...extent), high = Math.max(...extent);
  const span = Math.max(high - low, 1);
  const x = (value: number) => labelWidth + ((value - low) / span) * plotWidth;
  const y = (row: number) => top + row * rowHeight;
  const bar = (from: number, to: number, row: number, className: string, key: string) => (
    <rect key={key} class={className} x={Math.min(x(from), x(to))} y={y(row) + 5}
      width={Math.max(Math.abs(x(to) - x(from)), 2)} height={rowHeight - 10} />
  );
  const mark = (value: number) => (value > 0 ? '▲ ' : value < 0 ? '▼ ' : '● ');
  const rows = [
    { label: start.label, from: 0, to: start.value, className: 'total', text: signed.format(start.value) },
    ...steps.map((step, i) => ({
      label: step.label, from: before[i], to: before[i] + step.value,
      className: step.value > 0 ? 'up' : step.value < 0 ? 'down' : 'flat',
      text: mark(step.value) + signed.format(step.value),
    })),
    { label: end.label, from: 0, to: end.value, className: 'total', text: signed.format(end.value) },
  ];
  return (
    <figure class="chart waterfall">
      <svg role="img" aria-labelledby="waterfall-title waterfall-desc" viewBox={`0 0 ${width} ${height}`}
        width={width} height={height}>
        <title id="waterfall-title">{title}</title>
        <desc id="waterfall-desc">{description}</desc>
        <defs>
          <pattern id="waterfall-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" class="hatch-paper" />
            <line x1="0" y1="0" x2="0" y2="6" class="hatch-line" />
          </pattern>
        </defs>
        <line class="zero" x1={x(0)} x2={x(0)} y1={top - 6} y2={height - 4} />
        <text class="zero-label" x={x(0)} y={top - 10} text-anchor="middle">{zeroLabel}</text>
        {rows.map((row, i) => (
          <g key={i} data-step={row.className}>
            <text class="category" x={labelWidth - 8} y={y(i) + rowHeight / 2 + 4} text-anchor="end">{row.label}</text>
            {bar(row.from, row.to, i, row.className, 'bar')}
            {i > 0 && i <= steps.length && (
              <line class="connector" x1={x(row.from)} x2={x(row.from)} y1={y(i - 1) + 5} y2={y(i) + 5} />
            )}
            <text class="value" x={labelWidth + plotWidth + 6} y={y(i) + rowHeight / 2 + 4}>{row.text}</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
