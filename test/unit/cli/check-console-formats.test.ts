import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const fixturePath = (path: string): string => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

describe('tracelens check names the format it read, for every format\'s fixture', () => {
  const cases: Array<[string, string, number]> = [
    ['go-stdout/v1.14-pretty/grpc-client-call-with-message-events.txt', 'go-stdout', 1],
    ['dotnet-console/v1.4/links-sampler-between-program-output.txt', 'dotnet-console', 3],
    ['rust-stdout/v0.28-text/dice-server-span-then-metrics-and-logs.txt', 'rust-stdout', 1],
    ['java-logging/sdk-1.27-javaagent/spring-request-two-spans.txt', 'java-logging', 2],
    ['node-console/sdk-1.x/orders-with-app-logs.txt', 'node-console', 8],
    ['node-console/sdk-2.x/orders-with-app-logs.txt', 'node-console', 8],
    ['python-console/sdk-1.2x/server-error-with-db-child-between-log-lines.txt', 'python-console', 2],
    ['collector-debug/v0.100-detailed/checkout-with-event-and-link.txt', 'collector-debug', 2],
    ['zipkin/exporter-2.x/checkout-four-services.json', 'zipkin-json', 13],
    ['jaeger/query-api/checkout-trace-by-id.json', 'jaeger-json', 11],
    ['jaeger/api-v3/checkout-otlp-in-result.json', 'otlp-json', 11],
    ['tempo/api-v2/checkout-trace-by-id.json', 'tempo-json', 11],
    ['tempo/api-v1/checkout-batches.json', 'tempo-json', 11],
    ['otlp/sdk-2.x/checkout-one-request-per-service.jsonl', 'otlp-jsonl', 13],
    ['otlp/sdk-2.x/checkout-four-services.pb', 'otlp-proto', 13],
  ];
  for (const [path, format, numSpans] of cases) {
    it(`${path} → ${format}`, async () => {
      const { stdout } = await runCli(['check', fixturePath(path), '--json']);
      const report = JSON.parse(stdout);
      expect(report.inputs.map((i: { format: string; spans: number }) => [i.format, i.spans])).toEqual([[format, numSpans]]);
    });
  }
});
