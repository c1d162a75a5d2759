// Preloaded with `node --import` in tests: every file write fails as on a full disk (ENOSPC).
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

function enospc() {
  const err = new Error('ENOSPC: no space left on device, write');
  err.code = 'ENOSPC';
  throw err;
}
fs.writeSync = enospc;
fs.writeFileSync = enospc;
syncBuiltinESMExports();
