#include "core/module.hpp"

#include <dlfcn.h>

#include <map>
#include <mutex>
#include <stdexcept>
#include <system_error>

namespace plenary::core {

namespace fs = std::filesystem;

const void* module_api(const std::string& file_name) {
  static std::mutex mutex;
  static std::map<std::string, const void*> loaded;
  const std::lock_guard<std::mutex> lock(mutex);
  if (auto it = loaded.find(file_name); it != loaded.end()) return it->second;
  std::string why = "not found";
  for (const fs::path& candidate : module_candidates(file_name)) {
    std::error_code ec;
    if (!fs::is_regular_file(candidate, ec)) continue;
    // RTLD_LOCAL: the module's libraries serve it alone; RTLD_NOW: a missing library is
    // found here, not in the middle of a document. Never closed: its code runs to the end.
    void* handle = ::dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* error = ::dlerror();
      why = error ? error : "cannot be loaded";
      continue;
    }
    using Entry = const void* (*)();
    const auto entry = reinterpret_cast<Entry>(::dlsym(handle, "plenary_module_api"));
    if (!entry) {
      why = candidate.string() + " has no plenary_module_api";
      continue;
    }
    return loaded[file_name] = entry();
  }
  throw std::runtime_error("cannot load the program's module " + file_name + ": " + why +
                           " (is the installation complete?)");
}

}  // namespace plenary::core
