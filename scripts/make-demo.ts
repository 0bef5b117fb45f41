// Regenerates public/demo/demo.otlp.json, the trace the app opens on, with the real OpenTelemetry JS SDK.
// Run: npm run demo
import { writeFileSync } from 'node:fs';
import { buildDemoWorld } from '../test/support/demo-world.ts';

const json = JSON.stringify(JSON.parse(buildDemoWorld().otlpJson()), null, 1);
writeFileSync(new URL('../public/demo/demo.otlp.json', import.meta.url), `${json}\n`);
console.log(`wrote public/demo/demo.otlp.json (${json.length} bytes)`);
