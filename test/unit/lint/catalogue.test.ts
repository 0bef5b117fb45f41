// The rule ids are a contract with ../shared/RULES.md: every rule there exists here with exactly its id,
// category and default severity, and nothing here is missing from it.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../src/core/lint/index.ts';
import { CORPUS_DIR } from '../../support/corpus.ts';

const RULES_MD = resolve(CORPUS_DIR, '../RULES.md');
const HAS_RULES = existsSync(RULES_MD);

describe.skipIf(!HAS_RULES)(`the rule catalogue ${HAS_RULES ? '' : '(skipped: ../shared/RULES.md is absent)'}`, () => {
  it('every RULES.md rule is implemented with its id, category and default severity, and no other', () => {
    const md = readFileSync(RULES_MD, 'utf8');
    const catalogue = [...md.matchAll(/^\| ([a-z0-9]+(?:-[a-z0-9]+)+) \| ([a-z]+) \| ([a-z]+)/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
    expect(catalogue.length).toBeGreaterThan(80);
    expect(ALL_RULES.map((r) => `${r.meta.id} ${r.meta.category} ${r.meta.severity}`).sort()).toEqual(catalogue.sort());
  });
});
