// Deeper tests for the cardinality, privacy, cost-volume and resource-identity rules: the shared detectors,
// masking, thresholds, dataset-level rules, hostile input, and the mistakes made through the real SDK.
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { buildLintConfig } from '../../../src/core/lint/config.ts';
import { runLint } from '../../../src/core/lint/engine.ts';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { findPii, findSecret, ibanValid, isIpLiteral, isLoopback, luhnValid, maskVolatile, masked, SCAN_CHARS, volatileTokens } from '../../../src/core/lint/rules/patterns.ts';
import type { Finding } from '../../../src/core/lint/types.ts';
import { loadDataset } from '../../../src/core/load-dataset.ts';
import { dataset, findingsOf, GOOD_RESOURCE, kv, ms, pid, type HandSpan } from '../../support/lint-records.ts';
import { SdkWorld } from '../../support/sdk-world.ts';
import { hostileSpans, hostileStrings } from '../../support/hostile-strings.ts';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const KNOWN = new Set(ALL_RULES.map((r) => r.meta.id));
const withThresholds = (thresholds: Record<string, number>, spans: HandSpan[], rule: string): Finding[] =>
  runLint(dataset(spans), ALL_RULES, buildLintConfig([{ thresholds }], KNOWN).config).filter((f) => f.rule === rule);
const lintSdk = (...worlds: SdkWorld[]): Finding[] =>
  runLint(loadDataset(worlds.map((w, i) => ({ name: `w${i}.json`, bytes: enc(w.otlpJson()) }))), ALL_RULES);

// Credentials assembled at run time so this file holds no literal token a scanner would flag.
const GH_TOKEN = `ghp_${'Zx9Q'.repeat(9)}`;
const JWT = `eyJhbGciOiJIUzI1NiJ9.${'eyJzdWIiOiIxIn0'}.c2lnbmF0dXJl`;
const AWS_KEY = `AKIA${'ABCD2345'.repeat(2)}`;

describe('shared detectors', () => {
  it('volatileTokens names each kind of id and ignores templates', () => {
    expect(volatileTokens('GET /users/6f1c2a4e-9b3d-4c1e-8a7f-0123456789ab')).toEqual(['uuid']);
    expect(volatileTokens('job 9f86d081884c7d65')).toEqual(['hex']);
    expect(volatileTokens('job 9f86d081884c7d6', 16)).toEqual([]);
    expect(volatileTokens('job 9f86d081884c7d6', 12)).toEqual(['hex']);
    expect(volatileTokens('get_account/42')).toEqual(['number']);
    expect(volatileTokens('lookup id=7')).toEqual(['number']);
    expect(volatileTokens('mail bob@example.org')).toEqual(['email']);
    expect(volatileTokens('connect 10.1.2.3')).toEqual(['ip']);
    expect(volatileTokens('report 2024-05-01')).toEqual(['date']);
    expect(volatileTokens('batch 1714564800')).toEqual(['date']);
    expect(volatileTokens('GET /search?q=x')).toEqual(['query']);
    for (const ok of ['GET /users/{id}', 'shop.payments.PaymentService/Charge', 'SELECT shop.cart_items', 'GET /api/v1/orders', 'send orders', 'fs readFileSync', 'deadbeefdeadbeefcafe words']) {
      expect(volatileTokens(ok), ok).toEqual([]);
    }
  });

  it('maskVolatile collapses the instances of one operation and keeps different operations apart', () => {
    expect(maskVolatile('GET /orders/123')).toBe(maskVolatile('GET /orders/98765'));
    expect(maskVolatile('job 6f1c2a4e-9b3d-4c1e-8a7f-0123456789ab')).toBe('job {uuid}');
    expect(maskVolatile('GET /orders/1')).not.toBe(maskVolatile('GET /users/1'));
  });

  it('findSecret knows each credential shape and masked() shows only 4 characters', () => {
    for (const [text, kind] of [[JWT, 'JWT'], [`Authorization: Bearer ${'abcdefgh'.repeat(3)}`, 'Bearer token'], [AWS_KEY, 'AWS access key id'],
      ['-----BEGIN RSA PRIVATE KEY-----', 'private key'], [GH_TOKEN, 'GitHub token'], ['xoxb-1234567890-abc', 'Slack token'], [`sk_live_${'4eC39HqLyjWD'}`, 'Stripe live key']] as const) {
      expect(findSecret(`x ${text} y`)?.kind, text).toBe(kind);
    }
    for (const benign of ['Bearer short', 'eyJ-not-a-jwt', 'AKIA123', 'ghp_short', 'sk_test_4eC39HqLyjWD', 'the xoxb- prefix']) expect(findSecret(benign), benign).toBeUndefined();
    expect(masked(GH_TOKEN)).toBe('ghp_\u2026');
  });

  it('findPii validates card numbers (Luhn) and IBANs (mod 97), and finds emails and SSNs', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(findPii('pay 5555-5555-5555-4444 now')?.kind).toBe('a card number');
    expect(findPii('iban GB82 WEST 1234 5698 7654 32')?.kind).toBe('an IBAN');
    expect(findPii('to jane.doe+x@mail.example.com')?.kind).toBe('an email address');
    expect(findPii('ssn 078-05-1120')?.kind).toBe('a US social security number');
    // Epoch milliseconds, trace ids and dates are not card numbers or SSNs.
    for (const benign of ['at 1714564800000', 'trace 4bf92f3577b34da6a3ce929d0e0e4736', 'on 2024-05-01', 'v 4111111111111112']) expect(findPii(benign), benign).toBeUndefined();
  });

  it('tells IP literals and loopback apart from DNS names', () => {
    expect(isIpLiteral('10.0.0.7')).toBe(true);
    expect(isIpLiteral('[2001:db8::1]')).toBe(true);
    expect(isIpLiteral('999.1.1.1')).toBe(false);
    expect(isIpLiteral('cart')).toBe(false);
    expect(isLoopback('127.0.0.1') && isLoopback('localhost') && isLoopback('::1')).toBe(true);
    expect(isLoopback('10.0.0.1')).toBe(false);
  });

  it('gives plain verdicts on strings made to make its patterns backtrack (their time: npm run bench)', () => {
    const n = 200_000;
    const hostile = hostileStrings(n);
    for (const s of hostile) {
      // None is a credential or personal data, whatever near-miss of one it repeats.
      expect(findSecret(s), s.slice(0, 12)).toBeUndefined();
      expect(findPii(s), s.slice(0, 12)).toBeUndefined();
      // Only a run of 16 or more hex digits with a digit among them is a volatile token (here: '1…', '0123…');
      // a masked text is bounded however long its input.
      const isHexId = s.split(/[^0-9a-f]/).some((run) => run.length >= 16 && /\d/.test(run));
      expect(volatileTokens(s), s.slice(0, 12)).toEqual(isHexId ? ['hex'] : []);
      expect(maskVolatile(s).length).toBeLessThanOrEqual(SCAN_CHARS);
    }
    const findings = runLint(dataset(hostileSpans(hostile)), ALL_RULES);
    // Every span is linted: the long names and values are reported as such, on each span.
    const spansFound = new Set(findings.map((f) => f.spanId));
    expect(hostile.map((_, i) => pid(`h${i}`)).filter((id) => !spansFound.has(id))).toEqual([]);
  });
});

describe('privacy findings never repeat the secret', () => {
  const secretSpan: HandSpan = {
    id: 'r', kind: 3, status: { code: 2, message: `login failed for ${JWT}` },
    attributes: [
      kv('url.full', `https://alice:${GH_TOKEN}@git.example.com/repo.git?token=${AWS_KEY}`),
      { key: 'http.request.header.authorization', value: { type: 'array', values: [{ type: 'string', value: `Bearer ${JWT}` }] } },
      kv('note', 'card 4111 1111 1111 1111'),
    ],
  };
  it.each(['url-credentials', 'url-sensitive-query', 'sensitive-header', 'secret-pattern', 'pii-pattern'])('%s', (rule) => {
    const found = findingsOf(rule, [secretSpan]);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      for (const secret of [GH_TOKEN, JWT, AWS_KEY, '4111 1111 1111 1111', JWT.slice(0, 12), GH_TOKEN.slice(0, 8)]) expect(f.message).not.toContain(secret);
      expect(f.message).toContain('\u2026');
    }
  });
});

describe('rule details', () => {
  it('url-sensitive-query: signed-URL keys are errors, credential-like keys warnings, redacted values nothing', () => {
    const sev = (url: string): string[] => findingsOf('url-sensitive-query', [{ id: 'r', kind: 3, attributes: [kv('url.full', url)] }]).map((f) => f.severity);
    expect(sev('https://x.blob.core.windows.net/c/b?sv=2020&sig=abc%2Bdef')).toEqual(['error']);
    expect(sev('https://api.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA')).toEqual(['warning']);
    expect(sev('https://api.example.com/x?access_token=abc&api_key=def')).toEqual(['warning', 'warning']);
    expect(sev('https://x.example.com/k?sig=REDACTED&color=blue&postcode=12345')).toEqual([]);
  });

  it('db-query-literals accepts every placeholder style and sees through literals that contain `?`', () => {
    const found = (q: string): number => findingsOf('db-query-literals', [{ id: 'r', kind: 3, attributes: [kv('db.query.text', q)] }]).length;
    for (const q of ['SELECT * FROM t WHERE id = $1', 'SELECT * FROM t WHERE id = :id', 'SELECT * FROM t WHERE id = @id', 'SELECT * FROM t WHERE id = %s', 'SELECT * FROM t WHERE id = ?', 'SELECT name FROM t']) expect(found(q), q).toBe(0);
    for (const q of ["SELECT * FROM t WHERE note = 'why?'", 'SELECT * FROM t WHERE id = 42', 'SELECT * FROM t WHERE id IN (1, 2, 3)', "SELECT x::text FROM t WHERE y = 'a'"]) expect(found(q), q).toBe(1);
    expect(findingsOf('db-query-literals', [{ id: 'r', kind: 3, attributes: [kv('db.statement', 'DELETE FROM t WHERE id = 7')] }])[0]!.message).toMatch(/db\.statement/);
    // SQL commenter's quoted traceparent sits in a comment, and quoted identifiers are not literals.
    expect(found("SELECT * FROM songs /*traceparent='00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'*/")).toBe(0);
    expect(found("SELECT * FROM \"song list\" -- note = 'x'")).toBe(0);
    expect(found("SELECT * FROM t WHERE note = 'it''s'")).toBe(1);
  });

  it('insecure-or-ip-target ignores loopback and https, and reads the scheme from url.full', () => {
    const found = (attrs: HandSpan['attributes']): number => findingsOf('insecure-or-ip-target', [{ id: 'r', kind: 3, attributes: attrs }]).length;
    expect(found([kv('url.full', 'http://localhost:8080/x')])).toBe(0);
    expect(found([kv('url.full', 'https://10.0.0.7/x'), kv('server.address', '10.0.0.7')])).toBe(1);
    expect(found([kv('url.full', 'http://cart:8080/x')])).toBe(1);
    expect(findingsOf('insecure-or-ip-target', [{ id: 'r', kind: 2, attributes: [kv('url.scheme', 'http'), kv('server.address', 'shop')] }])).toEqual([]);
  });

  it('huge-attribute-value: info above 1 KiB, warning above each limit, stack traces only above theirs', () => {
    const sev = (key: string, size: number, where: 'span' | 'event' = 'span'): string[] => findingsOf('huge-attribute-value', [
      where === 'span' ? { id: 'r', attributes: [kv(key, 'x'.repeat(size))] } : { id: 'r', status: { code: 2, message: '' }, events: [{ name: 'exception', timeNs: ms(1), attributes: [kv(key, 'x'.repeat(size))], droppedAttributesCount: 0 }] },
    ]).map((f) => f.severity);
    expect(sev('payload', 2000)).toEqual(['info']);
    expect(sev('payload', 4097)).toEqual(['warning']);
    expect(sev('db.query.text', 2100)).toEqual(['warning']);
    expect(sev('exception.stacktrace', 10_000, 'event')).toEqual([]);
    expect(sev('exception.stacktrace', 17_000, 'event')).toEqual(['warning']);
    // Multi-byte characters count as UTF-8 bytes: 1500 × "é" is 3000 bytes.
    expect(sev('payload', 0).length + findingsOf('huge-attribute-value', [{ id: 'r', attributes: [kv('payload', '\u00e9'.repeat(1500))] }]).length).toBe(1);
  });

  it('health-check-span also knows probe user agents, synthetic traffic and gRPC health', () => {
    const found = (name: string, attrs: HandSpan['attributes']): number => findingsOf('health-check-span', [{ id: 'r', kind: 2, name, attributes: attrs }]).length;
    expect(found('GET /', [kv('http.route', '/'), kv('user_agent.original', 'kube-probe/1.29')])).toBe(1);
    expect(found('GET /', [kv('http.route', '/'), kv('user_agent.synthetic.type', 'test')])).toBe(1);
    expect(found('grpc.health.v1.Health/Check', [])).toBe(1);
    expect(found('GET /orders/{id}', [kv('http.route', '/orders/{id}'), kv('user_agent.original', 'Mozilla/5.0')])).toBe(0);
  });

  it('error-type-volatile also counts distinct values per service', () => {
    const spans = Array.from({ length: 6 }, (_, i): HandSpan => ({ id: `e${i}`, status: { code: 2, message: '' }, attributes: [kv('error.type', `E_CODE_${String.fromCharCode(65 + i)}`)] }));
    expect(findingsOf('error-type-volatile', spans)).toEqual([]);
    expect(withThresholds({ 'error-type-volatile.maxValues': 5 }, spans, 'error-type-volatile')).toHaveLength(1);
    expect(findingsOf('error-type-volatile', [{ id: 'r', attributes: [kv('error.type', 'E'.repeat(65))] }])).toHaveLength(1);
  });
});

describe('destination-volatile', () => {
  it('knows reply inboxes and UUID queues, and accepts the temporary, anonymous and template markers', () => {
    const found = (attrs: HandSpan['attributes']): number => findingsOf('destination-volatile', [{ id: 'r', kind: 5, attributes: attrs }]).length;
    expect(found([kv('messaging.destination.name', '_INBOX.k3Jd9aQ2')])).toBe(1);
    expect(found([kv('messaging.destination.name', 'reply-6f1c2a4e-9b3d-4c1e-8a7f-0123456789ab')])).toBe(1);
    expect(found([kv('messaging.destination.name', '_INBOX.k3Jd9aQ2'), kv('messaging.destination.anonymous', true)])).toBe(0);
    expect(found([kv('messaging.destination.name', 'reply-6f1c2a4e-9b3d-4c1e-8a7f-0123456789ab'), kv('messaging.destination.template', 'reply-{uuid}')])).toBe(0);
    expect(found([kv('messaging.destination.name', 'orders')])).toBe(0);
  });
});

describe('thresholds', () => {
  const names = (n: number): HandSpan[] => Array.from({ length: n }, (_, i) => ({ id: `n${i}`, name: `GET /item/${1000 + i}` }));
  it('span-name-explosion: maxNames and minCollapse', () => {
    expect(findingsOf('span-name-explosion', names(40))).toEqual([]);
    expect(withThresholds({ 'span-name-explosion.maxNames': 30 }, names(40), 'span-name-explosion')).toHaveLength(1);
    expect(withThresholds({ 'span-name-explosion.maxNames': 30, 'span-name-explosion.minCollapse': 41 }, names(40), 'span-name-explosion')).toEqual([]);
  });
  it('span-name-volatile-token and route-volatile: minHexRun', () => {
    const span: HandSpan[] = [{ id: 'r', kind: 2, name: 'job 9f86d081884c', attributes: [kv('http.route', '/jobs/9f86d081884c')] }];
    expect(findingsOf('span-name-volatile-token', span)).toEqual([]);
    expect(withThresholds({ 'span-name-volatile-token.minHexRun': 12 }, span, 'span-name-volatile-token')).toHaveLength(1);
    expect(withThresholds({ 'route-volatile.minHexRun': 12 }, span, 'route-volatile')).toHaveLength(1);
  });
  it('huge-attribute-value: maxBytes', () => {
    const span: HandSpan[] = [{ id: 'r', attributes: [kv('payload', 'x'.repeat(3000))] }];
    expect(findingsOf('huge-attribute-value', span).map((f) => f.severity)).toEqual(['info']);
    expect(withThresholds({ 'huge-attribute-value.maxBytes': 2048 }, span, 'huge-attribute-value').map((f) => f.severity)).toEqual(['warning']);
  });
  it('noisy-low-level-spans: maxPercent', () => {
    const spans: HandSpan[] = [{ id: 'root', kind: 2 }, { id: 'd', name: 'dns.lookup', parentSpanId: pid('root') }, ...Array.from({ length: 4 }, (_, i) => ({ id: `w${i}`, parentSpanId: pid('root') }))];
    expect(findingsOf('noisy-low-level-spans', spans)).toEqual([]);
    expect(withThresholds({ 'noisy-low-level-spans.maxPercent': 10 }, spans, 'noisy-low-level-spans')).toHaveLength(1);
  });
});

describe('mistakes made through the real SDK', () => {
  it('finds credentials, probes, literals and volatile names in SDK output', () => {
    const w = new SdkWorld(31);
    const req = w.start('api', {
      name: 'GET /users/12345', kind: SpanKind.SERVER, startMs: 0,
      attributes: { 'http.request.method': 'GET', 'url.path': '/users/12345', 'http.route': '/users/12345', 'http.request.header.authorization': [`Bearer ${JWT}`] },
    });
    w.span('api', { name: 'SELECT users', kind: SpanKind.CLIENT, startMs: 1, endMs: 3, attributes: { 'db.system.name': 'postgresql', 'db.query.text': "SELECT * FROM users WHERE email = 'bob@example.org'" } }, req);
    w.span('api', { name: 'GET', kind: SpanKind.CLIENT, startMs: 4, endMs: 9, attributes: { 'url.full': `https://svc:${GH_TOKEN}@billing.example.com/v1/x?sig=abc123` } }, req);
    req.end([Math.floor(Date.UTC(2024, 4, 1, 12) / 1000), 20_000_000]);
    w.span('api', { name: 'GET /healthz', kind: SpanKind.SERVER, startMs: 30, endMs: 31, attributes: { 'http.route': '/healthz', 'user_agent.original': 'kube-probe/1.29' } });
    const rules = new Set(lintSdk(w).map((f) => f.rule));
    for (const r of ['span-name-volatile-token', 'route-volatile', 'sensitive-header', 'secret-pattern', 'db-query-literals', 'pii-pattern', 'url-credentials', 'url-sensitive-query', 'health-check-span']) expect(rules, r).toContain(r);
  });

  it('secret-pattern scans each process\u2019s resource where it enters the trace, not only the root\u2019s', () => {
    const w = new SdkWorld(33);
    w.provider('billing', { 'deployment.token': `Bearer ${'q7Lw'.repeat(6)}` });
    const root = w.start('api', { name: 'POST /pay', kind: SpanKind.SERVER, startMs: 0 });
    const call = w.start('api', { name: 'POST', kind: SpanKind.CLIENT, startMs: 1 }, root);
    w.span('billing', { name: 'POST /charge', kind: SpanKind.SERVER, startMs: 2, endMs: 5 }, w.hop(call).context);
    call.end([Math.floor(Date.UTC(2024, 4, 1, 12) / 1000), 6_000_000]);
    root.end([Math.floor(Date.UTC(2024, 4, 1, 12) / 1000), 7_000_000]);
    const found = lintSdk(w).filter((f) => f.rule === 'secret-pattern');
    expect(found.map((f) => f.message)).toEqual(['resource attribute deployment.token contains a Bearer token (Bear\u2026)']);
  });

  it('counts INTERNAL and short spans per trace as instrumentation-score SPA-001/SPA-005 do', () => {
    const w = new SdkWorld(32);
    const root = w.start('worker', { name: 'process batch', kind: SpanKind.SERVER, startMs: 0 });
    for (let i = 0; i < 25; i++) w.span('worker', { name: 'transform item', startMs: 1 + i, endMs: 1.5 + i }, root);
    root.setStatus({ code: SpanStatusCode.UNSET });
    root.end([Math.floor(Date.UTC(2024, 4, 1, 12) / 1000), 40_000_000]);
    const found = lintSdk(w);
    expect(found.filter((f) => f.rule === 'too-many-internal-spans')[0]!.message).toMatch(/25 INTERNAL spans/);
    expect(found.filter((f) => f.rule === 'too-many-short-spans')[0]!.message).toMatch(/^25 spans/);
  });

  it('service-instance-id-collision: one instance id from two hosts, loaded from two files', () => {
    const make = (seed: number, host: string): SdkWorld => {
      const w = new SdkWorld(seed);
      w.provider('cart', { 'service.instance.id': 'cart-1', 'host.name': host });
      w.span('cart', { name: 'GET /cart/{id}', kind: SpanKind.SERVER, startMs: 0, endMs: 5 });
      return w;
    };
    const clash = lintSdk(make(41, 'node-a'), make(42, 'node-b')).filter((f) => f.rule === 'service-instance-id-collision');
    expect(clash).toHaveLength(1);
    expect(clash[0]!.message).toMatch(/host\.name "node-a" \(here "node-b"\)/);
    expect(lintSdk(make(41, 'node-a'), make(42, 'node-a')).filter((f) => f.rule === 'service-instance-id-collision')).toEqual([]);
  });

  it('k8s-pod-uid-missing reads the SDK resource', () => {
    const w = new SdkWorld(43);
    w.provider('cart', { 'k8s.namespace.name': 'shop', 'k8s.pod.name': 'cart-7d9f' });
    w.span('cart', { name: 'work', startMs: 0, endMs: 5 });
    expect(lintSdk(w).filter((f) => f.rule === 'k8s-pod-uid-missing')).toHaveLength(1);
  });
});

describe('the good resource stays clean', () => {
  it('no resource-identity finding on GOOD_RESOURCE', () => {
    expect(runLint(dataset([{ id: 'r', resource: GOOD_RESOURCE }]), ALL_RULES).filter((f) => f.category === 'resource' && (f.rule === 'k8s-pod-uid-missing' || f.rule === 'service-instance-id-collision'))).toEqual([]);
  });
});
