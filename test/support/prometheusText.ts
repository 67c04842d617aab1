/** One sample of Prometheus' text exposition format: `name{label="value",...} 12.5`. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const line = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** The samples of a /metrics answer (comments and blank lines skipped). */
export function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const row of text.split('\n')) {
    if (!row || row.startsWith('#')) continue;
    const match = line.exec(row);
    if (!match) throw new Error(`not a Prometheus sample: ${row}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(label)) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** GETs `url` and parses it; fails unless it answers 200 with the text format. */
export async function scrape(url: string) {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  const samples = parsePrometheusText(await response.text());
  /** Sum of the samples named `name` whose labels include `where`; undefined when there are none. */
  const sum = (name: string, where: Record<string, string> = {}): number | undefined => {
    const matching = samples.filter(
      (s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v),
    );
    return matching.length ? matching.reduce((total, s) => total + s.value, 0) : undefined;
  };
  return { samples, sum };
}
