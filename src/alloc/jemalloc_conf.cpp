// plenary-engine's allocator options. The engine is linked with jemalloc (PLENARY_ALLOCATOR,
// CMakeLists.txt), which reads this symbol when it starts, before main; no environment variable
// is needed. Measured on the forced K=8 bench build (docs/performance.md, "memory", where the
// other settings tried are listed):
//
// - narenas:1: one arena for both workers (the default is 4 per CPU, a thread each), so what
//   one worker's document freed is reused by the other's next one. The threads' caches
//   (tcache) take the contention: the CPU time is the same as with 2 arenas, the peak 80
//   against 84 MiB (--jobs 2).
// - dirty_decay_ms:100: freed pages go back to the kernel 0.1 s after their last use. The
//   default, 10 s, keeps a whole build's freed memory: 100 MiB at --jobs 2, 107 at --jobs 1,
//   more than the C library's malloc. 1 s: 88 MiB. 0 (at once): 79 MiB but 25-30 % more CPU
//   time (a madvise for every freed run).
// - muzzy_decay_ms:0: pages given back are dropped (MADV_DONTNEED), not kept as lazily freed
//   pages (MADV_FREE), which count in the resident size until the kernel wants them.
//
// A user's MALLOC_CONF is applied after these (jemalloc's order), so they can be varied for a
// measurement without a rebuild. tests/cli/allocator.sh checks that the engine runs with them.
extern "C" {
// The name and type are jemalloc's interface.
const char* malloc_conf = "narenas:1,dirty_decay_ms:100,muzzy_decay_ms:0";
}
