import type { Lang } from '../core/lang.js';
import { runBatch } from '../batch/run.js';

export interface BatchCommandOptions {
  out: string;
  format?: string;
  jobs?: string;
  lang?: Lang;
  pack?: string;
  mapping?: string;
  date?: string;
  force?: boolean;
}

export async function runBatchCommand(inputs: string[], opts: BatchCommandOptions): Promise<void> {
  process.exitCode = await runBatch(inputs, opts);
}
