// A stand-in batch worker for the pool tests: runs its jobs in order, slowly, and dies (exit code 1)
// on a job whose file name contains "crash", as a real worker does when a report exhausts its memory.
import { parentPort } from 'node:worker_threads';

let queue = Promise.resolve();
parentPort.on('message', (message) => {
  if (message.type !== 'job') return;
  const { job } = message;
  queue = queue.then(async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (job.file.includes('crash')) process.exit(1);
    parentPort.postMessage({ type: 'done', seq: job.seq, row: [job.file], levels: [], scores: [] });
  });
});
