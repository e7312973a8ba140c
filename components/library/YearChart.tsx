// Only the Chart.js parts used here are registered, to keep the page small.
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export function YearChart({ labels, values, label }: { labels: string[]; values: (number | null)[]; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'bar', (number | null)[], string> | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: [{ label, data: values, backgroundColor: '#1a5fb4' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.labels = labels;
    c.data.datasets[0].data = values;
    c.data.datasets[0].label = label;
    c.update();
  }, [labels.join(), values.join(), label]);
  return (
    <div class="chart-box">
      <canvas
        ref={canvas}
        data-testid="compare-chart"
        data-points={values.length}
        role="img"
        aria-label={`${label}: ${labels.map((l, i) => `${l} ${values[i] ?? '—'}`).join(', ')}`}
      />
    </div>
  );
}
