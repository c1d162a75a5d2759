// Loaded with `node --import` by bench/startup.mjs: when the first prompt reaches the screen (its key
// hint "⏎"), prints the CPU time the process has used so far (user + system, all threads) and exits.
// CPU time is the steadier figure when other processes share the cores; wall time is printed too.
const write = process.stdout.write.bind(process.stdout);
process.stdout.write = (chunk, ...rest) => {
  const done = String(chunk).includes('⏎');
  const result = write(chunk, ...rest);
  if (done) {
    const cpu = process.cpuUsage();
    process.stderr.write(`\nPROMPT-CPU ${((cpu.user + cpu.system) / 1000).toFixed(2)} WALL ${performance.now().toFixed(2)}\n`);
    process.exit(0);
  }
  return result;
};
