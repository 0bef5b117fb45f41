import { describe, expect, it } from 'vitest';
import { spanStats } from '../../../src/core/stats/span-stats.ts';
import { handDataset } from '../../support/hand-records.ts';

// root      0-100 [web]
//   q1      10-30 [db]  "SELECT"
//   q2      40-50 [db]  "SELECT" (error)
//   render  60-90 [web]
const ds = handDataset([
  { id: 'root', startMs: 0, endMs: 100, service: 'web', name: 'GET /' },
  { id: 'q1', parent: 'root', startMs: 10, endMs: 30, service: 'db', name: 'SELECT' },
  { id: 'q2', parent: 'root', startMs: 40, endMs: 50, service: 'db', name: 'SELECT', error: true },
  { id: 'render', parent: 'root', startMs: 60, endMs: 90, service: 'web', name: 'render' },
]);

describe('span statistics', () => {
  it('aggregates per service and name, with self time, percentiles and errors', () => {
    const rows = spanStats(ds, ds.traces);
    const by = Object.fromEntries(rows.map((r) => [`${r.service}:${r.name}`, r]));
    expect(by['db:SELECT']).toMatchObject({ count: 2, totalMs: 30, selfMs: 30, p50Ms: 10, p95Ms: 20, maxMs: 20, errors: 1 });
    expect(by['web:GET /']).toMatchObject({ count: 1, totalMs: 100, selfMs: 40, errors: 0 });
    expect(rows[0]!.name).toBe('GET /');
  });

  it('takes only direct children out of self time, not a grandchild running past its parent', () => {
    // job       0-100 [web]
    //   call    10-30 [web]
    //     async 20-70 [worker]  still running after `call` ended: `job` was not waiting on it
    const deep = handDataset([
      { id: 'job', startMs: 0, endMs: 100, service: 'web' },
      { id: 'call', parent: 'job', startMs: 10, endMs: 30, service: 'web' },
      { id: 'async', parent: 'call', startMs: 20, endMs: 70, service: 'worker' },
    ]);
    const by = Object.fromEntries(spanStats(deep, deep.traces).map((r) => [r.name, r.selfMs]));
    expect(by).toEqual({ job: 80, call: 10, async: 50 });
  });
});
