// Entry point of a batch worker thread (bundled as dist/batch-worker.js): scores the jobs it is
// given one after the other and reports each result or failure to the main thread.
import { visible } from '../../core/sanitize.js';
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../../core/errors.js';
import { translator } from '../../i18n/ui.js';
import type { Job } from './inputs.js';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol.js';
import { createReporter, type Reporter } from './report.js';

const port = parentPort!;
const config = workerData as WorkerConfig;
const send = (message: FromWorker) => port.postMessage(message);

const claims = new Map<number, (n: number) => void>();
let reporter: Promise<Reporter> | undefined;
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ToWorker) => {
  // Files are written synchronously, so between two messages none is half written: safe to stop.
  if (message.type === 'stop') process.exit(0);
  if (message.type === 'name') {
    claims.get(message.seq)?.(message.number);
    claims.delete(message.seq);
    return;
  }
  const { job } = message;
  // One job at a time: rendering is CPU work, so overlapping jobs would only raise memory.
  queue = queue.then(() => runJob(job));
});

async function runJob(job: Job): Promise<void> {
  try {
    reporter ??= createReporter(config);
    const claim = (base: string) =>
      new Promise<number>((resolve) => {
        claims.set(job.seq, resolve);
        send({ type: 'claim', seq: job.seq, base });
      });
    const result = await (await reporter).run(job, claim);
    send({ type: 'done', seq: job.seq, result });
  } catch (err) {
    send({ type: 'failed', seq: job.seq, message: describe(err) });
  }
}

const t = translator(config.uiLang, config.data.ui);

function describe(err: unknown): string {
  if (err instanceof UserError) return err.format(t);
  const message = err instanceof Error ? err.message : String(err);
  return `unexpected error: ${visible(message.split('\n')[0]!)}${process.env.DEBUG && err instanceof Error ? `\n${err.stack}` : ''}`;
}
