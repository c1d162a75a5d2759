// The loaders the CLI's start uses: the shipped data from the build's cache (shipped.ts), and the full
// loaders (load.ts: YAML parser, validators) imported only for what the cache does not cover.
import type { Pack } from '../engine/pack/pack.js';
import type { UiStrings } from '../i18n/ui.js';
import { shippedPack, shippedUiStrings } from './shipped.js';

/** loadPack(dir), parsing and checking only what the build has not. */
export async function loadPackQuick(dir: string): Promise<Pack> {
  return shippedPack(dir) ?? (await import('./load.js')).loadPack(dir);
}

/** loadUiStrings(), parsing and checking only what the build has not. */
export async function loadUiStringsQuick(): Promise<UiStrings> {
  return shippedUiStrings() ?? (await import('./load.js')).loadUiStrings();
}
