#include "book/convert.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

#include "book/book.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"

namespace plenary::book {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxPdfBytes = std::uintmax_t{1} << 30;

std::string find_soffice(const ConvertOptions& options) {
  if (!options.soffice.empty()) return options.soffice;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const char* program : {"soffice", "libreoffice"}) {
    std::size_t start = 0;
    while (start <= dirs.size()) {
      std::size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      const fs::path candidate = fs::path(dirs.substr(start, end - start)) / program;
      if (end > start && ::access(candidate.c_str(), X_OK) == 0) return candidate.string();
      start = end + 1;
    }
  }
  return {};
}

bool write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  return static_cast<bool>(out.flush());
}

// Runs argv with env in its own process group, stdout and stderr to `log`; false with `why`
// when it cannot start, fails or runs past the timeout (then the whole group is killed).
bool run(const std::vector<std::string>& args, const std::vector<std::string>& env,
         const fs::path& log, int timeout_seconds, std::string& why) {
  std::vector<char*> argv, envp;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const int log_fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (log_fd < 0) {
    why = "cannot create " + log.string();
    return false;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(log_fd);
    why = "cannot start LibreOffice";
    return false;
  }
  if (pid == 0) {  // the child: only async-signal-safe calls until exec
    ::setpgid(0, 0);
    const int in = ::open("/dev/null", O_RDONLY);
    if (in >= 0) ::dup2(in, 0);
    ::dup2(log_fd, 1);
    ::dup2(log_fd, 2);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(log_fd);
  ::setpgid(pid, pid);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  int status = 0;
  for (;;) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0) {
      why = "lost track of LibreOffice";
      return false;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      why = "LibreOffice did not finish within " + std::to_string(timeout_seconds) + " s";
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(-pid, SIGKILL);  // whatever it left behind in its group
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    why = "LibreOffice failed (" +
          (WIFEXITED(status) ? "exit status " + std::to_string(WEXITSTATUS(status))
                             : std::string("killed by a signal")) +
          ")";
    return false;
  }
  return true;
}

// Conversions that failed in this process, by content hash: a paper tried before the build
// confined itself (Product::prepare) fails again with the same message, without a second try.
std::mutex failures_mutex;
std::map<std::string, std::string> failures;

fs::path cache_file(const std::string& bytes, const ConvertOptions& options) {
  // Not named *.pdf: the cache is not an output (nothing that lists out/'s documents sees it).
  return options.cache / (core::sha256_hex(bytes) + ".converted");
}

std::string convert(const std::string& bytes, const std::string& extension, const std::string& name,
                    const ConvertOptions& options);

}  // namespace

bool converted_in_cache(const std::string& bytes, const ConvertOptions& options) {
  std::error_code ec;
  return fs::is_regular_file(cache_file(bytes, options), ec);
}

std::string convert_to_pdf(const std::string& bytes, const std::string& extension,
                           const std::string& name, const ConvertOptions& options) {
  // 1. The cache: a PDF made from these very bytes before. Never through a symbolic link (it
  //    could lead out of the output folder, and this runs before the build confines itself).
  std::error_code ec;
  if (fs::is_symlink(options.cache, ec))
    throw BookError(name, "cannot convert it: " + options.cache.string() +
                              " is a symbolic link, which may lead outside the output folder: "
                              "not followed");
  const fs::path cached = cache_file(bytes, options);
  std::string pdf;
  if (!fs::is_symlink(cached, ec) &&
      core::read_file(cached, pdf, kMaxPdfBytes) == core::ReadStatus::Ok &&
      pdf.compare(0, 5, "%PDF-") == 0)
    return pdf;

  const std::string hash = core::sha256_hex(bytes);
  {
    std::lock_guard<std::mutex> guard(failures_mutex);
    if (auto failed = failures.find(hash); failed != failures.end())
      throw BookError(name, failed->second);
  }
  try {
    pdf = convert(bytes, extension, name, options);
    // 3. Without LibreOffice's dates and random /ID, into the cache, atomically (another build
    //    may be converting the same paper). A failure here is remembered as a conversion's is.
    pdf = normalize(pdf, name);
  } catch (const BookError& e) {
    std::lock_guard<std::mutex> guard(failures_mutex);
    failures[hash] = e.what() + e.file.size() + 2;
    throw;
  }
  // The output stage's temporary-name pattern, so that a killed build's is swept away.
  const fs::path temp =
      options.cache / ("." + cached.filename().string() + ".tmp-" + std::to_string(::getpid()));
  if (write_file(temp, pdf)) fs::rename(temp, cached, ec);
  if (ec) fs::remove(temp, ec);
  return pdf;
}

namespace {

std::string convert(const std::string& bytes, const std::string& extension, const std::string& name,
                    const ConvertOptions& options) {
  std::string pdf;
  // 2. LibreOffice, in a scratch folder of the cache with its own profile and TMPDIR.
  const std::string soffice = find_soffice(options);
  if (soffice.empty())
    throw BookError(name, "converting a ." + extension +
                              " paper to PDF needs LibreOffice, which is not installed "
                              "(install libreoffice-writer-nogui or libreoffice-writer)");
  std::error_code ec;
  fs::create_directories(options.cache, ec);
  std::string pattern = (options.cache / ".convert-XXXXXX").string();
  if (ec || !::mkdtemp(pattern.data()))
    throw BookError(name, "cannot create a folder in " + options.cache.string() + " to convert it");
  const fs::path scratch = pattern;
  struct Cleanup {
    fs::path path;
    ~Cleanup() {
      std::error_code ignored;
      fs::remove_all(path, ignored);
    }
  } cleanup{scratch};
  const fs::path input = scratch / ("paper." + extension);
  if (!write_file(input, bytes)) throw BookError(name, "cannot write a copy to convert");
  fs::create_directories(scratch / "tmp", ec);
  std::vector<std::string> env = {"HOME=" + scratch.string(),
                                  "TMPDIR=" + (scratch / "tmp").string(), "LC_ALL=C.UTF-8",
                                  "TZ=UTC"};
  if (const char* path = std::getenv("PATH")) env.push_back(std::string("PATH=") + path);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
    env.push_back(std::string("SOURCE_DATE_EPOCH=") + epoch);
  std::string why;
  if (!run({soffice, "--headless", "--norestore", "--nolockcheck",
            "-env:UserInstallation=file://" + (scratch / "profile").string(), "--convert-to", "pdf",
            "--outdir", scratch.string(), input.string()},
           env, scratch / "soffice.log", options.timeout_seconds, why))
    throw BookError(name, "could not be converted to PDF: " + why);
  if (core::read_file(scratch / "paper.pdf", pdf, kMaxPdfBytes) != core::ReadStatus::Ok ||
      pdf.compare(0, 5, "%PDF-") != 0)
    throw BookError(name,
                    "could not be converted to PDF: LibreOffice wrote no PDF (is it a "
                    "damaged ." +
                        extension + " file?)");

  return pdf;
}

}  // namespace

}  // namespace plenary::book
