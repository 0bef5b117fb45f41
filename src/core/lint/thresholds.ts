// Every adjustable threshold the rules read through ctx.threshold(name, default), as data: the settings
// dialog lists them and the config validates against them. Keys are `ruleId.name` (LintConfig.thresholds).
// The defaults are the [bracketed] values of ../shared/RULES.md; a unit test holds this list to the rule
// sources, so a threshold added to a rule and not here fails the build.

export interface ThresholdDef {
  /** `ruleId.name`, the key in tracelens.config.json's "thresholds" and in the app's URL. */
  readonly key: string;
  readonly rule: string;
  readonly name: string;
  readonly defaultValue: number;
  readonly unit: string;
  readonly description: string;
}

const KIB = 1024;

const def = (rule: string, name: string, defaultValue: number, unit: string, description: string): ThresholdDef => ({ key: `${rule}.${name}`, rule, name, defaultValue, unit, description });

export const THRESHOLDS: readonly ThresholdDef[] = [
  def('span-very-long', 'maxMs', 3_600_000, 'ms', 'A span longer than this is reported.'),
  def('span-very-long', 'p99Factor', 10, '×', 'A span longer than this many times the p99 of its service and name is reported.'),
  def('span-very-long', 'minSamples', 20, 'spans', 'Spans of the same service and name needed before a p99 is trusted.'),
  def('child-outlives-parent-local', 'slackMs', 1, 'ms', 'How long a child may end after its parent in the same process.'),
  def('limit-hit-suspected', 'countLimit', 128, 'items', 'The SDK limit a count of attributes, events or links sits on.'),
  def('limit-hit-suspected', 'minValues', 3, 'values', 'Different values of one key cut to one length before truncation is suspected.'),
  def('limit-hit-suspected', 'minLength', 16, 'chars', 'Shortest common length worth suspecting as a length limit.'),
  def('db-span-name', 'maxNameChars', 80, 'chars', 'A database span name longer than this looks like query text.'),
  def('span-name-volatile-token', 'minHexRun', 16, 'chars', 'A run of hex digits this long in a span name counts as an id.'),
  def('span-name-explosion', 'maxNames', 50, 'names', 'Distinct names per (service, scope, kind) that collapse before it is reported.'),
  def('span-name-explosion', 'minCollapse', 5, 'names', 'Names that must become one after masking ids to count as one operation.'),
  def('route-volatile', 'minHexRun', 16, 'chars', 'A run of hex digits this long in a route or template counts as an id.'),
  def('error-type-volatile', 'maxLength', 64, 'chars', 'An error.type longer than this is a message, not a class.'),
  def('error-type-volatile', 'maxValues', 50, 'values', 'Distinct error.type values per service before it is reported.'),
  def('huge-attribute-value', 'maxBytes', 4 * KIB, 'bytes', 'A string or bytes value larger than this is a warning (over 1 KiB: info).'),
  def('huge-attribute-value', 'maxQueryBytes', 2 * KIB, 'bytes', 'Limit for db.query.text / db.statement.'),
  def('huge-attribute-value', 'maxStacktraceBytes', 16 * KIB, 'bytes', 'Limit for exception.stacktrace.'),
  def('noisy-low-level-spans', 'maxPercent', 20, '%', 'Share of fs/dns/net spans in a trace above which it is reported.'),
  def('trace-too-large', 'maxSpans', 10_000, 'spans', 'A trace with more spans than this is reported.'),
];

export const THRESHOLDS_BY_KEY: ReadonlyMap<string, ThresholdDef> = new Map(THRESHOLDS.map((t) => [t.key, t]));
