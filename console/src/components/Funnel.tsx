// Horizontal bars, one per step, each labelled on its left and with its figure on its right: the
// funnel agreed → verified → handed over of a direction (`emphasiseLast`), or the readiness
// statuses. The SVG is described by its title and description, which must carry the figures.
import { useI18n } from '../i18n';

export function Funnel({ id, title, description, steps, emphasiseLast = false }: {
  id: string; title: string; description: string; steps: { label: string; value: number }[]; emphasiseLast?: boolean;
}) {
  const { number } = useI18n();
  const width = 480, row = 34, labelWidth = 130, top = 4;
  const largest = Math.max(1, ...steps.map((s) => s.value));
  const plot = width - labelWidth - 60;
  const height = top * 2 + steps.length * row;
  return (
    <figure class="chart funnel">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {steps.map((step, i) => {
          const w = Math.max(2, Math.round((step.value / largest) * plot));
          const y = top + i * row;
          return (
            <g key={step.label}>
              <text x={labelWidth - 8} y={y + row / 2 + 4} text-anchor="end" class="category">{step.label}</text>
              <rect x={labelWidth} y={y + 4} width={w} height={row - 10} class={emphasiseLast && i === steps.length - 1 ? 'series-b' : 'series-a'} />
              <text x={labelWidth + w + 6} y={y + row / 2 + 4} class="value">{number(step.value)}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
