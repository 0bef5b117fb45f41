// Regenerates public/lessons/*.otlp.json, the example traces of Learn mode, with the real OpenTelemetry JS SDK.
// Run: npm run lessons
import { writeFileSync } from 'node:fs';
import { LESSON_FILES } from '../test/support/lesson-worlds.ts';

for (const [name, build] of LESSON_FILES) {
  const json = JSON.stringify(JSON.parse(build()), null, 1);
  writeFileSync(new URL(`../public/lessons/${name}`, import.meta.url), `${json}\n`);
  console.log(`wrote public/lessons/${name} (${json.length} bytes)`);
}
