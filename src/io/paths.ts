import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The installed package's folder (where questionnaires/ lives), whichever bundle chunk asks. */
export function packageRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'questionnaires')) && dirname(dir) !== dir) dir = dirname(dir);
  root = dir;
  return dir;
}

export function questionnairesDir(...parts: string[]): string {
  return join(packageRoot(), 'questionnaires', ...parts);
}
