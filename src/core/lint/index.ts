// Every rule, by family. Rule ids, categories and severities follow ../shared/RULES.md exactly.
import { ATTRIBUTE_NAME_RULES } from './rules/attribute-names.ts';
import { ATTRIBUTE_VALUE_RULES } from './rules/attribute-values.ts';
import { COST_RULES } from './rules/cost.ts';
import { LIFECYCLE_RULES } from './rules/lifecycle.ts';
import { PROPAGATION_RULES } from './rules/propagation.ts';
import { RESOURCE_RULES } from './rules/resource.ts';
import { SCHEMA_RULES } from './rules/schema.ts';
import { SEMCONV_RULES } from './rules/semconv.ts';
import type { Rule } from './types.ts';

export const ALL_RULES: readonly Rule[] = [...LIFECYCLE_RULES, ...PROPAGATION_RULES, ...SEMCONV_RULES, ...SCHEMA_RULES, ...ATTRIBUTE_NAME_RULES, ...ATTRIBUTE_VALUE_RULES, ...COST_RULES, ...RESOURCE_RULES];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));
