// Writes src/codebook.ts and src/areas.ts from the contracts' codebook and division trees (copied to data/ by the
// Maven build): each code list a constant of its codes and Chinese labels, with its code type; each county's tree.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const header = '// Generated from the contracts by scripts/codebook.mjs: do not edit.\n\n';
const literal = (value) => JSON.stringify(value);
const typeName = (key) => key.split('_').map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join('');

const yamlFiles = (directory) => readdirSync(directory).filter((file) => file.endsWith('.yaml')).sort();
// the newest edition (codebook-<year>.yaml)
const codebook = parse(readFileSync(`data/codebook/${yamlFiles('data/codebook').pop()}`, 'utf8'));
let lists = header;
lists += `/** The codebook's edition (全国扶贫开发信息系统指标, ${codebook.version}). */\n`;
lists += `export const CODEBOOK_VERSION = ${literal(codebook.version)};\n\n`;
lists += '/** A code list: its national indicator (A-number) and field where it has them, and its codes\' labels. */\n';
lists += 'export interface CodeList<C extends string> {\n';
lists += '  readonly indicator: string | null;\n  readonly field: string | null;\n  readonly multi: boolean;\n';
lists += '  readonly labels: Readonly<Record<C, string>>;\n}\n\n';
const names = [];
for (const [key, list] of Object.entries(codebook.lists)) {
  if (!list.options) {
    continue; // a number, not a list (A13 work months: 0-12)
  }
  const type = typeName(key);
  const codes = Object.keys(list.options);
  names.push(key);
  lists += `/** ${list.indicator ?? key}${list.note ? `: ${list.note}` : ''} */\n`;
  lists += `export type ${type} = ${codes.map(literal).join(' | ')};\n`;
  lists += `export const ${key}: CodeList<${type}> = {\n`;
  lists += `  indicator: ${literal(list.indicator ?? null)},\n  field: ${literal(list.field ?? null)},\n`;
  lists += `  multi: ${list.multi === true},\n  labels: {\n`;
  for (const [code, label] of Object.entries(list.options)) {
    lists += `    ${literal(String(code))}: ${literal(label)},\n`;
  }
  lists += '  },\n};\n\n';
}
lists += '/** Every code list by its name in the codebook (GET /api/v1/codebook). */\n';
lists += `export const codeLists = { ${names.join(', ')} } as const;\n\n`;
lists += '/** The Chinese label of a code of a list, or undefined for a code the list does not have. */\n';
lists += 'export function labelOf<C extends string>(list: CodeList<C>, code: string): string | undefined {\n';
lists += '  return Object.prototype.hasOwnProperty.call(list.labels, code) ? list.labels[code as C] : undefined;\n}\n';
writeFileSync('src/codebook.ts', lists);

let areas = header;
areas += '/** An area of the division tree: county (6 digits), township (9) or village (12). */\n';
areas += 'export interface Area {\n  readonly code: string;\n  readonly name: string;\n';
areas += "  readonly level: 'COUNTY' | 'TOWNSHIP' | 'VILLAGE';\n  /** 贫困村 (villages only) */\n";
areas += '  readonly poorVillage?: boolean;\n  readonly children?: readonly Area[];\n}\n\n';
const counties = yamlFiles('data/areas');
areas += '/** Each county\'s tree by its code. */\n';
areas += 'export const divisionTrees: Readonly<Record<string, Area>> = {\n';
for (const file of counties) {
  const tree = parse(readFileSync(`data/areas/${file}`, 'utf8'));
  areas += `  ${literal(String(tree.code))}: ${JSON.stringify(tree, null, 2).replace(/\n/g, '\n  ')},\n`;
}
areas += '};\n\n';
areas += '/** The area of a code (any level) in the trees, or undefined. */\n';
areas += 'export function areaOf(code: string): Area | undefined {\n';
areas += '  const find = (area: Area): Area | undefined => area.code === code ? area\n';
areas += '    : code.startsWith(area.code) ? area.children?.map(find).find((found) => found !== undefined) : undefined;\n';
areas += '  return Object.values(divisionTrees).map(find).find((found) => found !== undefined);\n}\n';
writeFileSync('src/areas.ts', areas);
