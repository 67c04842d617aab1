import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { createMetrics, MetricNames } from '../../platform/telemetry/metrics';

const folder = path.join(__dirname, '../../deploy/observability');

const rulesFile = z.object({
  groups: z.array(
    z.object({
      name: z.string(),
      rules: z.array(
        z.object({
          alert: z.string(),
          expr: z.string(),
          for: z.string().regex(/^\d+[smh]$/),
          labels: z.object({ severity: z.enum(['warning', 'critical']) }),
          annotations: z.object({ summary: z.string() }).loose(),
        }),
      ),
    }),
  ),
});

const dashboardFile = z.object({
  uid: z.string(),
  title: z.string(),
  templating: z.object({
    list: z.array(z.object({ name: z.string(), definition: z.string().optional() }).loose()),
  }),
  panels: z.array(
    z
      .object({
        title: z.string(),
        targets: z.array(z.object({ expr: z.string(), refId: z.string() }).loose()),
      })
      .loose(),
  ),
});

/** Every series name a scrape of our processes can show: what the registry holds, plus Prometheus' `up`. */
async function registeredNames(): Promise<Set<string>> {
  const metrics = createMetrics();
  const names = new Set(['up']);
  for (const metric of await metrics.registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(metric.name + suffix);
  }
  return names;
}

/**
 * Parses `expr` with Prometheus' own PromQL grammar (lezer-promql, the one Prometheus' UI uses) and
 * returns the metric names it selects; fails on any syntax error. Grafana's interval variables are
 * replaced by a duration first (Grafana substitutes them before Prometheus sees the query).
 */
function selectedMetrics(expr: string): string[] {
  const promql = expr.replace(/\$__(rate_)?interval/g, '5m');
  const tree = parser.parse(promql);
  const names: string[] = [];
  const errors: string[] = [];
  tree.iterate({
    enter(node) {
      if (node.type.isError) errors.push(`at ${node.from}: "${promql.slice(node.from, node.to + 10)}"`);
      if (node.name === 'Identifier' && node.node.parent?.name === 'VectorSelector') {
        names.push(promql.slice(node.from, node.to));
      }
    },
  });
  if (errors.length) throw new Error(`PromQL syntax error in ${promql}\n${errors.join('\n')}`);
  return names;
}

describe('deploy/observability', () => {
  it('alert rules: the seed alerts, valid PromQL, over series the code registers', async () => {
    const rules = rulesFile.parse(parseYaml(readFileSync(path.join(folder, 'alerts.rules.yml'), 'utf8')));
    const known = await registeredNames();
    const alerts = rules.groups.flatMap((group) => group.rules);
    expect(alerts.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'TradeSchoolHighLatency',
        'TradeSchoolHighErrorRate',
        'TradeSchoolServiceDown',
        'TradeSchoolDbPoolExhausted',
        'TradeSchoolConsumerLag',
      ]),
    );
    for (const rule of alerts) {
      const names = selectedMetrics(rule.expr);
      expect(names.length).toBeGreaterThan(0);
      expect({ alert: rule.alert, unknown: names.filter((name) => !known.has(name)) }).toEqual({
        alert: rule.alert,
        unknown: [],
      });
    }
    const serviceDown = alerts.find((rule) => rule.alert === 'TradeSchoolServiceDown');
    expect(serviceDown?.for).toBe('1m');
  });

  it('Grafana dashboard: every panel query is valid PromQL over series the code registers', async () => {
    const dashboard = dashboardFile.parse(
      JSON.parse(readFileSync(path.join(folder, 'grafana-dashboard.json'), 'utf8')),
    );
    const known = await registeredNames();
    const used = new Set<string>();
    for (const panel of dashboard.panels) {
      expect(panel.targets.length).toBeGreaterThan(0);
      for (const target of panel.targets) {
        const names = selectedMetrics(target.expr);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) used.add(name);
        expect({ panel: panel.title, unknown: names.filter((name) => !known.has(name)) }).toEqual({
          panel: panel.title,
          unknown: [],
        });
      }
    }
    // Grafana's label_values(metric, label) variable queries name a series too.
    for (const variable of dashboard.templating.list) {
      const metric = /^label_values\((\w+),/.exec(variable.definition ?? '')?.[1];
      if (metric) expect(known.has(metric)).toBe(true);
    }
    // Every series of ours has a panel (a histogram through any of its _bucket/_count/_sum).
    const unshown = Object.values(MetricNames).filter(
      (name) => ![...used].some((u) => u === name || u.startsWith(`${name}_`)),
    );
    expect(unshown).toEqual([]);
  });

  it('rejects a broken expression (the parser is not a no-op)', () => {
    expect(() => selectedMetrics('sum(rate(graphql_requests_total[5m]) by')).toThrow(/PromQL syntax error/);
  });
});
