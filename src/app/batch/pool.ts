// A fixed set of worker threads fed a bounded number of jobs each, so that a batch of any size
// holds only a few jobs in memory at once.
import { Worker } from 'node:worker_threads';
import type { Job } from './inputs.js';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol.js';
import type { FirmResult } from './summary.js';

/** Jobs handed to one worker ahead of time, so it never waits for the main thread. */
const AHEAD = 2;

/**
 * Heap sizes of each worker, by measurement (bench/batch.mjs, 1,000 PDF reports on 2 cores). V8 lets an
 * old generation grow by a factor it derives from its limit: 1.3 for a limit of 256 MB or less, rising
 * to 2 just below 2 GB (and 4 from 2 GB on). With the former 256 MB limit a worker ran a full
 * mark-compact every ~6 reports, a fifth of the batch's CPU time; just below 2 GB it runs one every
 * ~14 reports, for ~9% less CPU. A young generation of 24 MB (half of V8's default of 48 MB here)
 * keeps the peak where the 256 MB limit had it: 255–270 MiB for 2 workers and 1,000 firms, 283 MiB for
 * 10,000. A worker's live heap stays under ~40 MB, its caches being bounded (fonts.ts, layout.ts), so
 * the limit itself is never reached.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 2047, maxYoungGenerationSizeMb: 24 };

export interface PoolEvents {
  /** The number of a report named `base` among same-named firms (may wait for earlier firms to claim theirs). */
  claim(seq: number, base: string): number | Promise<number>;
  done(job: Job, result: FirmResult): void;
  failed(job: Job, message: string): void;
}

interface Slot {
  worker: Worker;
  jobs: Map<number, Job>;
  finished: number;
  /** Whether the worker started: one that dies before is not replaced. */
  online: boolean;
}

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private waiting: (() => void)[] = [];
  private closing = false;
  /** Why the last worker that could not start died (reported for the jobs left over). */
  private broken = '';

  constructor(
    private readonly script: string,
    private readonly config: WorkerConfig,
    size: number,
    private readonly events: PoolEvents,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  /** Resolves once the job is handed to a worker (waits while every worker has enough ahead). */
  async submit(job: Job): Promise<void> {
    let slot = this.freest();
    while (slot && slot.jobs.size >= AHEAD) {
      await new Promise<void>((resolve) => this.waiting.push(resolve));
      slot = this.freest();
    }
    if (!slot) {
      this.events.failed(job, `unexpected error: ${this.broken}`);
      return;
    }
    slot.jobs.set(job.seq, job);
    slot.worker.postMessage({ type: 'job', job } satisfies ToWorker);
  }

  /** Waits for every submitted job (unless `now`), then stops the workers. */
  async close(now = false): Promise<void> {
    while (!now && this.slots.some((s) => s.jobs.size)) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  /** Interrupted: asks each worker to stop between two files (never inside a write), then ends them. */
  async stop(): Promise<void> {
    this.closing = true;
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(() => void s.worker.terminate().then(() => resolve()), 2000);
            s.worker.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            s.worker.postMessage({ type: 'stop' } satisfies ToWorker);
          }),
      ),
    );
  }

  private freest(): Slot | undefined {
    return this.slots.reduce<Slot | undefined>((best, s) => (!best || s.jobs.size < best.jobs.size ? s : best), undefined);
  }

  private release(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, { workerData: this.config, resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, jobs: new Map(), finished: 0, online: false };
    worker.on('message', (message: FromWorker) => {
      const job = slot.jobs.get(message.seq);
      if (!job) return;
      if (message.type === 'claim') {
        void Promise.resolve(this.events.claim(message.seq, message.base)).then((number) => {
          if (!this.closing) worker.postMessage({ type: 'name', seq: message.seq, number } satisfies ToWorker);
        });
        return;
      }
      slot.jobs.delete(message.seq);
      slot.finished++;
      if (message.type === 'done') this.events.done(job, message.result);
      else this.events.failed(job, message.message);
      this.release();
    });
    // A crashed worker (out of memory, a bug in a renderer) fails only the job it was running (the
    // first it was given: it runs them in order); a fresh worker takes its place and the jobs it had
    // ahead. One that never started cannot be replaced: a new one would not start either.
    worker.once('online', () => (slot.online = true));
    const crash = (reason: string) => {
      const index = this.slots.indexOf(slot);
      if (index < 0 || this.closing) return;
      const [running, ...ahead] = slot.jobs.values();
      slot.jobs.clear();
      if (running) this.events.failed(running, `unexpected error: ${reason}`);
      if (slot.online) {
        const fresh = this.spawn();
        this.slots[index] = fresh;
        for (const job of ahead) {
          fresh.jobs.set(job.seq, job);
          fresh.worker.postMessage({ type: 'job', job } satisfies ToWorker);
        }
      } else {
        this.slots.splice(index, 1);
        this.broken = reason;
        for (const job of ahead) this.events.failed(job, `unexpected error: ${reason}`);
      }
      this.release();
    };
    worker.on('error', (err: Error) => crash(err.message.split('\n')[0]!));
    worker.on('exit', (code) => {
      if (code !== 0) crash(`worker stopped (exit code ${code})`);
    });
    return slot;
  }
}
