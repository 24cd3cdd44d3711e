// libFuzzer target: loading and checking a data root from bytes. The input holds up to seven
// files separated by kFileSeparator lines: data/committee.yaml, data/sector-focus.yaml,
// data/stakeholders.yaml, one task group, one agenda, the register data/documents.yaml and
// one paper, papers/paper.docx (its bytes reach the PDF/DOCX/ODT content checks and Poco::Zip).
// They are written to a private data root and read by load_committee, the entry point of every
// command. Any input must give a model or errors with positions, quickly, never a crash, a hang or
// a runaway allocation.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_input.hpp"
#include "model/check.hpp"

namespace {

namespace fs = std::filesystem;

const char* const kFiles[] = {"data/committee.yaml",    "data/sector-focus.yaml",
                              "data/stakeholders.yaml", "data/task-groups/TG.yaml",
                              "agendas/AGENDA.yaml",    "data/documents.yaml",
                              "papers/paper.docx"};

const fs::path* removal_path = nullptr;

const fs::path& root() {
  static const fs::path path = [] {
    const fs::path base = fs::exists("/dev/shm") ? "/dev/shm" : fs::temp_directory_path();
    fs::path p = base / ("plenary-fuzz-root-" + std::to_string(::getpid()));
    fs::create_directories(p / "data/task-groups");
    fs::create_directories(p / "agendas");
    fs::create_directories(p / "papers");
    // Removed at exit through its own copy: the static below is destroyed before this runs.
    removal_path = new fs::path(p);
    std::atexit([] {
      std::error_code ec;
      fs::remove_all(*removal_path, ec);
    });
    return p;
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace plenary;
  const auto files = fuzz::split_files(data, size, std::size(kFiles));
  for (std::size_t i = 0; i < std::size(kFiles); ++i) {
    const fs::path path = root() / kFiles[i];
    if (i < files.size()) {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out.write(files[i].data(), static_cast<std::streamsize>(files[i].size()));
    } else {
      std::error_code ec;
      fs::remove(path, ec);
    }
  }
  Diagnostics diags;
  const auto committee = model::load_committee(root(), diags);
  fuzz::require(committee.has_value() != diags.has_errors(),
                "a model with errors, or no model and no error");
  for (const auto& d : diags.items()) {
    fuzz::require(!d.pos.path.empty(), "a diagnostic without a path: " + format(d));
    fuzz::require(!d.message.empty(), "a diagnostic without a message");
    fuzz::require(fuzz::text_problem(format(d)).empty(),
                  "a diagnostic that is not clean text: " + format(d));
  }
  return 0;
}
