// plenary-engine's allocator options. The engine is linked with jemalloc (PLENARY_ALLOCATOR,
// CMakeLists.txt), which reads this symbol when it starts, before main; no environment variable
// is needed. Measured on the K=8 bench root and the K=4 pack (docs/performance.md, "memory"):
//
// - narenas:1 — one arena for both workers. jemalloc's default (4 per CPU) gives each thread
//   its own: what the first wave's jobs free on one thread is not reused by the meeting book on
//   the other, and the forced K=8 build peaked at 100 MiB (the C library's malloc: 95-105).
//   The threads' caches (tcache) take the contention; the CPU time is the same.
// - dirty_decay_ms:100 — freed pages are handed back to the kernel 0.1 s after they were last
//   used, not 10 s (the default, 107 MiB at --jobs 1): a build's jobs last 10 ms to 1 s, so
//   what a finished document freed goes back before the next big one peaks. 0 (at once) is
//   as small but costs a system call per free run (+25 % CPU).
// - muzzy_decay_ms:0 — returned pages are unmapped (MADV_DONTNEED), not kept as lazily freed
//   (MADV_FREE) pages, which still count in the resident size until the kernel needs them.
//
// A user's MALLOC_CONF is applied after these (jemalloc's order), so these can be changed for
// a measurement without a rebuild. tests/cli/allocator.sh checks that the engine runs with them.
extern "C" {
// NOLINTNEXTLINE: the name and type are jemalloc's interface.
const char* malloc_conf = "narenas:1,dirty_decay_ms:100,muzzy_decay_ms:0";
}
