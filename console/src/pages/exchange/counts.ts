// A counts version's numbers ("SLV>VEN=10,VEN>USA=10") as directions and numbers, and back: the
// counter form shows a number field per direction of the version it counters.
export interface Direction { from: string; to: string; count: string }

export function parseCounts(counts: string): Direction[] {
  return counts.split(',').filter(Boolean).map((part) => {
    const [direction, count = ''] = part.split('=');
    const [from = '', to = ''] = direction.split('>');
    return { from, to, count };
  });
}

export function writeCounts(directions: Direction[]): string {
  return directions.map((d) => `${d.from}>${d.to}=${d.count.trim()}`).join(',');
}
