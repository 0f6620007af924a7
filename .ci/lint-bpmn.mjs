// Lints every model under bpmn/ with the rules in .bpmnlintrc. The bpmnlint CLI parses without
// the Zeebe extension, so it cannot see zeebe:* elements; this parses them as Camunda Modeler does.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';

const require = createRequire(import.meta.url);
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const zeebe = require('zeebe-bpmn-moddle/resources/zeebe.json');
const modeler = require('modeler-moddle/resources/modeler.json');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(await readFile(path.join(root, '.bpmnlintrc'), 'utf8'));
const moddle = new BpmnModdle({ zeebe, modeler });

const folder = path.join(root, 'bpmn');
const files = (await readdir(folder)).filter((f) => f.endsWith('.bpmn')).sort();
let errors = 0;
let warnings = 0;

for (const file of files) {
  const xml = await readFile(path.join(folder, file), 'utf8');
  const { rootElement, warnings: parseWarnings } = await moddle.fromXML(xml);
  const lines = parseWarnings.map((w) => `  (parse)  error  ${w.message}`);
  errors += parseWarnings.length;
  // A fresh linter per model: some rules keep what they saw, which would leak between files.
  const linter = new Linter({ config, resolver: new NodeResolver({ require }) });
  const reports = await linter.lint(rootElement);
  for (const [rule, problems] of Object.entries(reports)) {
    for (const problem of problems) {
      const category = problem.category === 'warn' ? 'warning' : problem.category;
      if (category === 'error') errors++;
      else warnings++;
      lines.push(`  ${problem.id ?? ''}  ${category}  ${problem.message}  (${rule})`);
    }
  }
  console.log(lines.length ? `bpmn/${file}\n${lines.join('\n')}` : `bpmn/${file}: ok`);
}

console.log(`${files.length} models, ${errors} errors, ${warnings} warnings`);
if (files.length === 0 || errors > 0 || warnings > 0) {
  process.exit(1);
}
