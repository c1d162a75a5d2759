import { parseYaml, type YamlSource } from '../engine/yaml/source.js';
import { cachedYamlData } from './cache.js';
import { decodeText, readRegularFile } from './text.js';

export * from './text.js';
export { parseYaml } from '../engine/yaml/source.js';
export type { YamlPath, YamlSource } from '../engine/yaml/source.js';

export function readYamlFile(file: string): YamlSource {
  const bytes = readRegularFile(file);
  const cached = cachedYamlData(file, bytes);
  if (cached === undefined) return parseYaml(decodeText(bytes, file), file);
  // Positions are only needed to report a problem: decode and parse the YAML then, not before.
  let parsed: YamlSource | undefined;
  return { file, data: cached.data, checked: cached.checked, locate: (path, options) => (parsed ??= parseYaml(decodeText(bytes, file), file)).locate(path, options) };
}

