// V8 settings for a small, quick process, applied by the entry point before anything else loads.
// Measured from outside the process by the bench (npm run bench), against the defaults.
export const V8_FLAGS: readonly string[] = [
  // No WebAssembly tier-up. undici's HTTP parser (WebAssembly, loaded only for a proxy) stays on the
  // baseline compiler: TurboFan would recompile its main function on the second or third poll
  // (~160 ms of CPU, ~20 MiB at the peak). Set at run time, `--liftoff-only` alone does not stop
  // that (dynamic tiering reads a budget instead); turning tiering off does, both flags together
  // (without the second, no dynamic tiering means compiling everything with TurboFan).
  '--liftoff-only',
  '--no-wasm-dynamic-tiering',
  '--no-wasm-tier-up',
  // JavaScript stops at the mid tier (Maglev), never reaching TurboFan. Measured by the bench at
  // 10,000 machines against TurboFan without Maglev: less CPU per watch (a 20-poll watch 1.47 s
  // against 1.69 s: TurboFan's compiles of the reader cost more than its faster code saves) and
  // ~8 MiB less at the peak (its compiler's memory and code pages). No optimiser at all is lighter
  // still but reads the first, whole order more than twice as slowly.
  '--no-turbofan',
  // Maglev compiles in a background thread; its finished jobs are destroyed on the main thread, not
  // handed back to the background, where their memory stayed in that thread's malloc arena.
  // Measured at 50,000 machines: peak ~6 MiB lower. (The compile itself stays in the background:
  // turning that off is a start-up flag, not one that takes effect at run time.)
  '--no-maglev-destroy-on-background',
  // The young generation keeps its first size instead of doubling under a poll's burst of short-lived
  // objects. (`--optimize-for-size`, used before, saves a few MiB more but doubles the CPU per poll:
  // 82 ms against 37 ms at 10,000 machines.)
  '--semi-space-growth-factor=1',
  // The old generation grows by a fifth before its next full GC, not by V8's default factor (up to
  // 4x): a poll whose machines all changed leaves a whole set of machine models behind. Measured at
  // 50,000 machines: peak 174 -> 150 MiB; 10,000: 97 -> 91 MiB; no measurable CPU cost.
  '--heap-growing-percent=20',
];
