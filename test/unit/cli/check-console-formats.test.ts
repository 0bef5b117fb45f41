import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../support/cli.ts';

const fixturePath = (path: string): string => fileURLToPath(new URL(`../../fixtures/${path}`, import.meta.url));

describe('tracelens check names the console format it read', () => {
  const cases: Array<[string, string, number]> = [
    ['go-stdout/v1.14-pretty/grpc-client-call-with-message-events.txt', 'go-stdout', 1],
    ['dotnet-console/v1.4/links-sampler-between-program-output.txt', 'dotnet-console', 3],
    ['rust-stdout/v0.28-text/dice-server-span-then-metrics-and-logs.txt', 'rust-stdout', 1],
    ['java-logging/sdk-1.27-javaagent/spring-request-two-spans.txt', 'java-logging', 2],
  ];
  for (const [path, format, numSpans] of cases) {
    it(`${path} → ${format}`, async () => {
      const { stdout } = await runCli(['check', fixturePath(path), '--json']);
      const report = JSON.parse(stdout);
      expect(report.inputs.map((i: { format: string; spans: number }) => [i.format, i.spans])).toEqual([[format, numSpans]]);
    });
  }
});
