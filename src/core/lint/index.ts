// Every rule, by family. Rule ids, categories and severities follow ../shared/RULES.md exactly.
import { ATTRIBUTE_NAME_RULES } from './rules/attribute-names.ts';
import { ATTRIBUTE_VALUE_RULES } from './rules/attribute-values.ts';
import { CARDINALITY_RULES } from './rules/cardinality.ts';
import { COST_RULES } from './rules/cost.ts';
import { COST_VOLUME_RULES } from './rules/cost-volume.ts';
import { DB_RULES } from './rules/db.ts';
import { HOP_RULES } from './rules/hops.ts';
import { HTTP_RULES } from './rules/http.ts';
import { LIFECYCLE_RULES } from './rules/lifecycle.ts';
import { LIMIT_RULES } from './rules/limits.ts';
import { LINK_RULES } from './rules/links.ts';
import { MESSAGING_RPC_RULES } from './rules/messaging-rpc.ts';
import { OUTCOME_RULES } from './rules/outcome.ts';
import { PRIVACY_CONTENT_RULES } from './rules/privacy-content.ts';
import { PRIVACY_LOCATION_RULES } from './rules/privacy.ts';
import { PROPAGATION_RULES } from './rules/propagation.ts';
import { RESOURCE_RULES } from './rules/resource.ts';
import { RESOURCE_IDENTITY_RULES } from './rules/resource-identity.ts';
import { SCHEMA_RULES } from './rules/schema.ts';
import { SEMCONV_RULES } from './rules/semconv.ts';
import { SPAN_FLAG_RULES } from './rules/span-flags.ts';
import { SPAN_KIND_ATTR_RULES } from './rules/span-kind-attrs.ts';
import { TIMING_RULES } from './rules/timing.ts';
import type { Rule } from './types.ts';

export const ALL_RULES: readonly Rule[] = [
  ...LIFECYCLE_RULES, ...OUTCOME_RULES, ...TIMING_RULES, ...LIMIT_RULES,
  ...PROPAGATION_RULES, ...HOP_RULES, ...SPAN_FLAG_RULES, ...LINK_RULES,
  ...SEMCONV_RULES, ...SCHEMA_RULES, ...ATTRIBUTE_NAME_RULES, ...ATTRIBUTE_VALUE_RULES, ...SPAN_KIND_ATTR_RULES,
  ...HTTP_RULES, ...DB_RULES, ...MESSAGING_RPC_RULES,
  ...CARDINALITY_RULES, ...PRIVACY_LOCATION_RULES, ...PRIVACY_CONTENT_RULES,
  ...COST_RULES, ...COST_VOLUME_RULES, ...RESOURCE_RULES, ...RESOURCE_IDENTITY_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
