// What a user downloads: packs each checkout (`npm pack`, which builds it), installs the tarball in
// an empty folder with npm and counts the installed packages and their size (bytes of all files).
//
//   node bench/install.mjs [--baseline /path/to/main-checkout]
// Aim (issue 21): <= 25 MB and <= 50 packages.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function bytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += bytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Installed packages: every folder of a node_modules holding a package.json (scoped ones included). */
function packages(dir) {
  let n = 0;
  const modules = join(dir, 'node_modules');
  let names;
  try {
    names = readdirSync(modules);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const dirs = name.startsWith('@') ? readdirSync(join(modules, name)).map((s) => join(modules, name, s)) : [join(modules, name)];
    for (const d of dirs) n += 1 + packages(d);
  }
  return n;
}

const checkouts = [['this checkout', ROOT]];
if (args.baseline) checkouts.push(['baseline', resolve(args.baseline)]);
for (const [name, dir] of checkouts) {
  const work = mkdtempSync(join(tmpdir(), 'digiscan-install-'));
  try {
    const tarball = execFileSync(npm, ['pack', '--silent', '--pack-destination', work], { cwd: dir, encoding: 'utf8' }).trim().split('\n').at(-1);
    const packed = statSync(join(work, tarball)).size;
    const app = join(work, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), '{}');
    execFileSync(npm, ['install', '--no-audit', '--no-fund', '--silent', join(work, tarball)], { cwd: app, stdio: 'ignore' });
    const total = bytes(join(app, 'node_modules'));
    console.log(`${name.padEnd(14)} tarball ${(packed / 1e6).toFixed(2)} MB; installed: ${packages(app)} packages, ${(total / 1e6).toFixed(1)} MB`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
