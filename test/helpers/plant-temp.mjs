// Preload for the security tests: plants symbolic links at the names a temporary file could be given,
// pointing at a victim file outside the output folder. PLANT_DIR is the folder, PLANT_VICTIM the target.
//   PLANT_MODE=pid: the old predictable names (".<file>.<pid>.tmp") of PLANT_FILES
//   PLANT_MODE=fixed: randomness made constant, and a link planted at the exact name it then gives
import crypto from 'node:crypto';
import { mkdirSync, symlinkSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { isMainThread } from 'node:worker_threads';

const dir = process.env.PLANT_DIR;
const victim = process.env.PLANT_VICTIM;
const files = (process.env.PLANT_FILES ?? '').split(',').filter(Boolean);
if (isMainThread && dir && victim) {
  mkdirSync(dir, { recursive: true });
  if (process.env.PLANT_MODE === 'fixed') {
    crypto.randomBytes = (n) => Buffer.alloc(n, 0xab);
    syncBuiltinESMExports();
    for (const f of files) symlinkSync(victim, join(dir, `.${f}.${'ab'.repeat(16)}.tmp`));
  } else {
    for (const f of files) symlinkSync(victim, join(dir, `.${f}.${process.pid}.tmp`));
  }
}
