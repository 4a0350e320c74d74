// V8 settings for a small process, applied by the entry point before anything else loads. The bench
// measures CPU per poll under the same settings (scripts/bench-cpu.ts), so its figures are the action's.
export const V8_FLAGS: readonly string[] = [
  // A deploy order of 10,000 machines is a 7 MB answer per poll: favour a small heap over speed.
  '--optimize-for-size',
  // undici's HTTP parser (WebAssembly) stays on the baseline compiler, whose code is a fraction of
  // the optimised tier's.
  '--liftoff-only',
  // The young generation keeps its first size instead of doubling under a poll's burst of short-lived
  // objects; scavenges come sooner, which also frees the socket's read buffers of a large answer
  // sooner (~8 MiB less at the peak of a 10,000-machine watch, a few ms more per poll).
  '--semi-space-growth-factor=1',
];
