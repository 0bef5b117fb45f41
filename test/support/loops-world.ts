// A handler with three loops of similar siblings (fans, folded in the waterfall), made by the real SDK: 25
// queries one after another (the critical path runs through them), 25 cache reads alongside them (off the
// path), then 20 retries, each wholly covered by the call under it (the path runs through the calls, not
// the retries' own time).
import { at, SdkWorld } from './sdk-world.ts';

export function loopsWorld(): SdkWorld {
  const w = new SdkWorld(8);
  const root = w.start('api', { name: 'handle order', startMs: 0 });
  for (let i = 0; i < 25; i++) w.span('api', { name: 'SELECT item', startMs: 10 + i * 3, endMs: 12.9 + i * 3 }, root);
  for (let i = 0; i < 25; i++) w.span('api', { name: 'cache get', startMs: 20 + i * 0.01, endMs: 21 }, root);
  for (let i = 0; i < 20; i++) {
    const retry = w.start('api', { name: 'retry', startMs: 86 + i * 0.6 }, root);
    w.span('api', { name: 'call', startMs: 86 + i * 0.6, endMs: 86.5 + i * 0.6 }, retry);
    retry.end(at(86.5 + i * 0.6));
  }
  root.end(at(100));
  return w;
}
