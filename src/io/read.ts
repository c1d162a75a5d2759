import { parseYaml, type YamlSource } from '../engine/yaml/source.js';
import { cachedYamlData } from './cache.js';
import { readTextFile } from './text.js';

export * from './text.js';
export { parseYaml } from '../engine/yaml/source.js';
export type { YamlPath, YamlSource } from '../engine/yaml/source.js';

export function readYamlFile(file: string): YamlSource {
  const text = readTextFile(file);
  const cached = cachedYamlData(file, text);
  if (cached === undefined) return parseYaml(text, file);
  // Positions are only needed to report a problem: parse the YAML then, not before.
  let parsed: YamlSource | undefined;
  return { file, data: cached.data, checked: cached.checked, locate: (path, options) => (parsed ??= parseYaml(text, file)).locate(path, options) };
}

