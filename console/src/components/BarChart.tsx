// A grouped bar chart in SVG, drawn from the figures alone: one group per category, one bar
// per series, a value above each bar, the categories below. Its title and description are the
// chart's accessible name; the same figures must be in a table beside it.
import { useI18n } from '../i18n';

export interface Series { name: string; className: string; values: number[] }

// `id` names the chart's title and description (several charts on a page need different ids).
export function BarChart({ title, description, categories, series, id = 'chart' }: {
  title: string; description: string; categories: string[]; series: Series[]; id?: string;
}) {
  const { number } = useI18n();
  const barWidth = 28, gap = 6, groupGap = 28, height = 220, top = 24, bottom = 32, left = 12;
  const groupWidth = series.length * barWidth + (series.length - 1) * gap;
  const width = left * 2 + categories.length * groupWidth + Math.max(0, categories.length - 1) * groupGap;
  const largest = Math.max(1, ...series.flatMap((s) => s.values));
  const plot = height - top - bottom;
  return (
    <figure class="chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${Math.max(width, 200)} ${height}`}
        width={Math.max(width, 200)} height={height}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={left} x2={Math.max(width, 200) - left} y1={top + plot} y2={top + plot} class="axis" />
        {categories.map((category, c) => {
          const x0 = left + c * (groupWidth + groupGap);
          return (
            <g key={category}>
              {series.map((s, i) => {
                const value = s.values[c] ?? 0;
                const h = Math.round((value / largest) * plot);
                const x = x0 + i * (barWidth + gap);
                return (
                  <g key={s.name}>
                    <rect x={x} y={top + plot - h} width={barWidth} height={h} class={s.className} />
                    <text x={x + barWidth / 2} y={top + plot - h - 4} text-anchor="middle" class="value">{number(value)}</text>
                  </g>
                );
              })}
              <text x={x0 + groupWidth / 2} y={height - 10} text-anchor="middle" class="category">{category}</text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul class="legend">
          {series.map((s) => <li key={s.name}><span class={`swatch ${s.className}`} aria-hidden="true" />{s.name}</li>)}
        </ul>
      </figcaption>
    </figure>
  );
}
