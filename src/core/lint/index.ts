// Every rule, by family. Rule ids, categories and severities follow ../shared/RULES.md exactly.
import { CARDINALITY_RULES } from './rules/cardinality.ts';
import { COST_RULES } from './rules/cost.ts';
import { COST_VOLUME_RULES } from './rules/cost-volume.ts';
import { LIFECYCLE_RULES } from './rules/lifecycle.ts';
import { PRIVACY_CONTENT_RULES } from './rules/privacy-content.ts';
import { PRIVACY_LOCATION_RULES } from './rules/privacy.ts';
import { PROPAGATION_RULES } from './rules/propagation.ts';
import { RESOURCE_RULES } from './rules/resource.ts';
import { RESOURCE_IDENTITY_RULES } from './rules/resource-identity.ts';
import { SEMCONV_RULES } from './rules/semconv.ts';
import type { Rule } from './types.ts';

export const ALL_RULES: readonly Rule[] = [
  ...LIFECYCLE_RULES, ...PROPAGATION_RULES, ...SEMCONV_RULES, ...CARDINALITY_RULES, ...PRIVACY_LOCATION_RULES, ...PRIVACY_CONTENT_RULES,
  ...COST_RULES, ...COST_VOLUME_RULES, ...RESOURCE_RULES, ...RESOURCE_IDENTITY_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
