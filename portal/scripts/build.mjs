// Builds the portal's generated parts into the directory given (target/classes/portal): the codebook and the division
// trees as JSON (data/), the AsyncAPI renderer (vendor/asyncapi/, from the npm registry's tarball of
// @asyncapi/react-component), the list of the events' JSON Schemas (data/event-schemas.json), the clients
// (clients/) and the READMEs of the clients and the audit kit rendered as pages (docs/). Run from target/npm with the repository's root as the second
// argument.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { parse } from 'yaml';

const [out, repository] = process.argv.slice(2);
const contracts = join(repository, 'contracts/src/main/resources');
const yamlFiles = (directory) => readdirSync(directory).filter((file) => file.endsWith('.yaml')).sort();
const write = (path, text) => {
  mkdirSync(join(out, path, '..'), { recursive: true });
  writeFileSync(join(out, path), text);
};

// the codebook's newest edition and every county's division tree
const codebook = parse(readFileSync(join(contracts, 'codebook', yamlFiles(join(contracts, 'codebook')).pop()), 'utf8'));
write('data/codebook.json', JSON.stringify(codebook));
const trees = yamlFiles(join(contracts, 'areas')).map((file) => parse(readFileSync(join(contracts, 'areas', file), 'utf8')));
write('data/areas.json', JSON.stringify(trees));

// the events' schemas, as the gateway serves them (/openapi/events/...)
const schemas = [];
for (const service of readdirSync(join(contracts, 'events'), { withFileTypes: true })) {
  if (service.isDirectory()) {
    for (const file of readdirSync(join(contracts, 'events', service.name)).sort()) {
      schemas.push({ service: service.name, event: file.replace(/\.schema\.json$/, ''), path: `${service.name}/${file}` });
    }
  }
}
write('data/event-schemas.json', JSON.stringify(schemas));

// the AsyncAPI document's renderer: its standalone bundle and styles, nothing else of the package
const version = JSON.parse(readFileSync('package.json', 'utf8')).config.asyncapiReactComponent;
const tarball = execFileSync('npm', ['pack', `@asyncapi/react-component@${version}`, '--silent'], { encoding: 'utf8' })
  .trim().split('\n').pop();
mkdirSync('asyncapi', { recursive: true });
execFileSync('tar', ['xzf', tarball, '-C', 'asyncapi']);
mkdirSync(join(out, 'vendor/asyncapi'), { recursive: true });
for (const [from, to] of [['browser/standalone/index.js', 'index.js'],
  ['browser/standalone/index.js.LICENSE.txt', 'index.js.LICENSE.txt'], ['styles/default.min.css', 'default.min.css'],
  ['LICENSE', 'LICENSE']]) {
  copyFileSync(join('asyncapi/package', from), join(out, 'vendor/asyncapi', to));
}

// the clients, under the names the landing page links (the Java client's pom flattened: no parent)
const built = (directory, pattern) => {
  const found = readdirSync(join(repository, directory), { withFileTypes: true })
    .filter((file) => file.isFile() && pattern.test(file.name)).map((file) => join(repository, directory, file.name));
  if (found.length !== 1) {
    throw new Error(`expected one ${pattern} in ${directory}, found ${found.length}: build the clients first`);
  }
  return found[0];
};
mkdirSync(join(out, 'clients'), { recursive: true });
copyFileSync(built('clients/typescript/target', /^fupin-client-.*\.tgz$/), join(out, 'clients/fupin-client.tgz'));
copyFileSync(built('clients/java/target', /^fupin-client-[^-]+(-SNAPSHOT)?\.jar$/), join(out, 'clients/fupin-client.jar'));
copyFileSync(built('clients/java/target', /^\.flattened-pom\.xml$/), join(out, 'clients/fupin-client.pom'));

// the READMEs, as pages of the portal
const page = (title, body) => `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · 扶贫开发者门户</title>
<link rel="stylesheet" href="../portal.css">
</head>
<body>
<header class="bar"><a href="../index.html">扶贫开发者门户 <span class="en">Fupin developer portal</span></a></header>
<main class="readme">
${body}
</main>
</body>
</html>
`;
for (const [source, name, title] of [['clients/typescript/README.md', 'typescript-client', 'TypeScript 客户端'],
  ['clients/java/README.md', 'java-client', 'Java 客户端'], ['audit/README.md', 'audit', '事件消费与审计']]) {
  write(`docs/${name}.html`, page(title, marked.parse(readFileSync(join(repository, source), 'utf8'))));
}
