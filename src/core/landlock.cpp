#include "core/landlock.hpp"

#ifdef __linux__
#include <fcntl.h>
#include <linux/landlock.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace plenary::core {

#if defined(__linux__) && defined(SYS_landlock_create_ruleset) && \
    defined(LANDLOCK_ACCESS_FS_MAKE_SYM)

namespace {

bool add_rule(int ruleset, const std::filesystem::path& folder, __u64 access) {
  int fd = ::open(folder.c_str(), O_PATH | O_CLOEXEC);
  if (fd < 0) return true;  // a folder that does not exist needs no rule
  // A file (not a folder) takes only the rights that apply to files (reading, executing).
  struct stat st {};
  if (::fstat(fd, &st) == 0 && !S_ISDIR(st.st_mode))
    access &= LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_EXECUTE;
  landlock_path_beneath_attr rule{};
  rule.allowed_access = access;
  rule.parent_fd = fd;
  const long r = ::syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
  ::close(fd);
  return r == 0;
}

}  // namespace

Confined confine_paths(const std::vector<std::filesystem::path>& read,
                       const std::vector<std::filesystem::path>& write) {
  const long abi =
      ::syscall(SYS_landlock_create_ruleset, nullptr, 0, LANDLOCK_CREATE_RULESET_VERSION);
  if (abi < 1) return Confined::Unsupported;
  const __u64 read_access =
      LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_EXECUTE;
  __u64 write_access = LANDLOCK_ACCESS_FS_WRITE_FILE | LANDLOCK_ACCESS_FS_REMOVE_DIR |
                       LANDLOCK_ACCESS_FS_REMOVE_FILE | LANDLOCK_ACCESS_FS_MAKE_CHAR |
                       LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
                       LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
                       LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
#ifdef LANDLOCK_ACCESS_FS_REFER
  if (abi >= 2) write_access |= LANDLOCK_ACCESS_FS_REFER;
#endif
#ifdef LANDLOCK_ACCESS_FS_TRUNCATE
  if (abi >= 3) write_access |= LANDLOCK_ACCESS_FS_TRUNCATE;
#endif
  landlock_ruleset_attr attr{};
  attr.handled_access_fs = read_access | write_access;
  const int ruleset =
      static_cast<int>(::syscall(SYS_landlock_create_ruleset, &attr, sizeof attr, 0));
  if (ruleset < 0) return Confined::Failed;
  bool ok = true;
  for (const auto& folder : read) ok = ok && add_rule(ruleset, folder, read_access);
  for (const auto& folder : write) ok = ok && add_rule(ruleset, folder, read_access | write_access);
  ok = ok && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
       ::syscall(SYS_landlock_restrict_self, ruleset, 0) == 0;
  ::close(ruleset);
  return ok ? Confined::Yes : Confined::Failed;
}

#else

Confined confine_paths(const std::vector<std::filesystem::path>&,
                       const std::vector<std::filesystem::path>&) {
  return Confined::Unsupported;
}

#endif

}  // namespace plenary::core
