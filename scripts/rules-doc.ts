// npm run rules:doc: writes rulesets/<version>.md next to every shipped ruleset file — the beleidstheorie as policy
// staff read it. A unit test (ruleset-doc.spec.ts) fails while a committed document is out of date.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULESETS, renderRulesetDoc } from '#libs/classification';
import { projectRoot } from './project-root.js';

for (const [version, ruleset] of RULESETS) {
  const file = fileURLToPath(new URL(`libs/classification/rulesets/${version}.md`, projectRoot()));
  writeFileSync(file, renderRulesetDoc(ruleset.definition));
  process.stdout.write(`wrote ${file}\n`);
}
