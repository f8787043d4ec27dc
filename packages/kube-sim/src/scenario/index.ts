import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { Scenario } from './types';
import { buildScenario, type ScenarioFile } from './build';
import { generateLargeScenario } from './large';

export type { Scenario, ScenarioUser } from './types';
export { generateLargeScenario } from './large';

/** The folder holding the shipped scenarios (`demo.yaml`, ...), wherever the package is installed. */
export const scenariosDir = path.join(path.dirname(require.resolve('@kubedeck/kube-sim/package.json')), 'scenarios');

/**
 * Loads a scenario: `large` is generated, any other bare name is `scenarios/<name>.yaml`, and
 * anything with a slash or a .yaml/.yml suffix is a path.
 */
export async function loadScenario(nameOrPath: string): Promise<Scenario> {
  if (nameOrPath === 'large') return generateLargeScenario({ nodes: 5000, pods: 150_000 });
  const isPath = /[\\/]/.test(nameOrPath) || /\.ya?ml$/.test(nameOrPath);
  const file = isPath ? path.resolve(nameOrPath) : path.join(scenariosDir, `${nameOrPath}.yaml`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new Error(`scenario "${nameOrPath}" not found (looked for ${file})`, { cause: error });
  }
  const parsed = parse(text) as ScenarioFile | null;
  if (!parsed || typeof parsed !== 'object') throw new Error(`scenario file ${file} is empty or not a mapping`);
  return buildScenario(parsed, path.basename(file).replace(/\.ya?ml$/, ''));
}
