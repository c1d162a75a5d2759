import { runBatch, type BatchOptions } from './run.js';

export async function runBatchCommand(inputs: string[], opts: BatchOptions): Promise<void> {
  process.exitCode = await runBatch(inputs, opts);
}
