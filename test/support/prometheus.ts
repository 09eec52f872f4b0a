import { register } from 'prom-client';

/** The value of one sample of a metric registered in this process (apps started in-process), undefined when none. */
export async function localSample(name: string, labels: Record<string, string>): Promise<number | undefined> {
  const metric = register.getSingleMetric(name);
  if (!metric) return undefined;
  const { values } = await metric.get();
  return values.find((value) => Object.entries(labels).every(([key, label]) => value.labels[key] === label))?.value;
}

/** One scrape of a Prometheus text endpoint: every sample by name and labels. */
export class Scrape {
  private constructor(private readonly samples: { name: string; labels: Record<string, string>; value: number }[]) {}

  static async of(baseUrl: string, headers: Record<string, string> = {}): Promise<Scrape> {
    const response = await fetch(`${baseUrl}/metrics`, { headers });
    if (!response.ok) throw new Error(`GET ${baseUrl}/metrics answered ${response.status}`);
    return Scrape.parse(await response.text());
  }

  static parse(text: string): Scrape {
    const samples = [];
    for (const line of text.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, key, value] of (match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g))
        labels[key!] = value!;
      samples.push({ name: match[1]!, labels, value: Number(match[3]) });
    }
    return new Scrape(samples);
  }

  /** Metric families present (histograms by their base name). */
  names(): Set<string> {
    return new Set(this.samples.map(({ name }) => name.replace(/_(bucket|count|sum)$/, '')));
  }

  /** The sum of the samples of `name` whose labels include `labels`. */
  sum(name: string, labels: Record<string, string> = {}): number {
    return this.samples
      .filter(
        (sample) =>
          sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      )
      .reduce((total, sample) => total + sample.value, 0);
  }

  /** The distinct values label `label` takes among the samples of `name`. */
  labelValues(name: string, label: string): string[] {
    return [
      ...new Set(this.samples.filter((sample) => sample.name === name).map((sample) => sample.labels[label]!)),
    ].sort();
  }
}
