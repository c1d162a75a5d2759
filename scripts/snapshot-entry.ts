// Run by scripts/build.mjs: loads the shipped data with the real loaders and returns, per file, what the
// loader produced, for the files whose checks all passed. The CLI then trusts those results while the
// file's text is unchanged (src/io/cache.ts), instead of validating ~150 KB of YAML at every start.
import { type Pack } from '../src/engine/pack/load.js';
import { buildRecorder } from '../src/engine/yaml/validate.js';
import { builtinPackDir, loadPack, loadPackAids, loadPackBenchmarks, loadPackPlan, loadUiStrings } from '../src/io/load.js';

export function checkedShippedData(): Map<string, unknown> {
  const kept = new Map<string, unknown>();
  const attempt = <T>(load: () => T): T | undefined => {
    buildRecorder.outputs = new Map();
    try {
      const result = load();
      for (const [file, output] of buildRecorder.outputs) kept.set(file, output);
      return result;
    } catch {
      return undefined; // the CLI will report this file's problems with their lines
    } finally {
      buildRecorder.outputs = undefined;
    }
  };
  attempt(() => loadUiStrings());
  const pack: Pack | undefined = attempt(() => loadPack(builtinPackDir()));
  if (pack) {
    attempt(() => loadPackAids(pack));
    attempt(() => loadPackBenchmarks(pack));
    attempt(() => loadPackPlan(pack));
  }
  return kept;
}
