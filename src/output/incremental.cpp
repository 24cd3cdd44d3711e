// The incremental decision: which planned outputs are out of date, from the manifest, the
// documents' fingerprints and the files on disk.
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "compose/kinds.hpp"
#include "core/parallel.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"
#include "output/hash.hpp"
#include "output/output_run.hpp"

namespace plenary::output::detail {

namespace fs = std::filesystem;

std::string input_hash(const std::string& fingerprint, const std::string& extension,
                       compose::Lang lang, bool pdf_a) {
  const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
  return core::sha256_hex("fingerprint " + fingerprint + "\nprogram plenary " + version() +
                          "\nformat " + extension + "\nlang " + lang_code(lang) +
                          "\nSOURCE_DATE_EPOCH " + (epoch ? epoch : "") + "\n" +
                          (pdf_a && extension == "pdf" ? "pdf-a\n" : ""));
}

void OutputRun::hash_inputs(const std::vector<bool>& trusted, const Manifest& manifest) {
  std::vector<std::size_t> todo;
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    const std::size_t d = plan_.outputs[i].document;
    if (trusted[i] || fingerprints_[d] || std::find(todo.begin(), todo.end(), d) != todo.end())
      continue;
    todo.push_back(d);
  }
  core::parallel_for(todo.size(), threads(), [&](std::size_t k) {
    fingerprints_[todo[k]] = compose::fingerprint(committee_, plan_.documents[todo[k]], templates_);
  });
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    if (trusted[i]) continue;
    const auto& output = plan_.outputs[i];
    input_hashes_[i] = input_hash(*fingerprints_[output.document], output.extension, options_.lang,
                                  options_.pdf_a);
  }
  // A product made of other outputs is out of date when one of them is: their input hashes
  // join its own (those of outputs this build does not plan as the manifest recorded them).
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    if (trusted[i]) continue;
    const auto paths = input_outputs(plan_.outputs[i].document);
    if (paths.empty()) continue;
    std::string combined = "made of\n" + input_hashes_[i] + "\n";
    for (const auto& path : paths) {
      const std::size_t j = planned_index(path);
      const auto it = manifest.outputs.find(path);
      combined += path + " " +
                  (j != std::string::npos         ? input_hashes_[j]
                   : it != manifest.outputs.end() ? it->second.input_hash
                                                  : std::string("absent")) +
                  "\n";
    }
    input_hashes_[i] = core::sha256_hex(combined);
  }
}

bool OutputRun::read_manifest(Manifest& manifest, std::string& bytes) const {
  bytes.clear();
  // A manifest lists a few hundred outputs; one over 16 MiB is not ours, and is rebuilt.
  // Never through a link: neither out/ nor its manifest is followed.
  const int folder = ::open(out_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (folder < 0) return false;
  const core::ReadStatus status = core::read_file_at(folder, kManifestName, bytes, 16u << 20);
  ::close(folder);
  if (status != core::ReadStatus::Ok) {
    bytes.clear();
    return false;
  }
  return parse_manifest(bytes, manifest);
}

void OutputRun::decide(const Manifest& manifest) {
  // What each output is made from: under the inputs digest it was recorded with, the
  // recorded input hash stands (no fingerprint needed, --force or not).
  input_hashes_.assign(plan_.outputs.size(), {});
  std::vector<bool> trusted(plan_.outputs.size(), false);
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    auto it = manifest.outputs.find(plan_.outputs[i].path);
    if (it == manifest.outputs.end() || it->second.inputs_digest.empty() ||
        it->second.inputs_digest != digest_)
      continue;
    input_hashes_[i] = it->second.input_hash;
    trusted[i] = true;
  }
  hash_inputs(trusted, manifest);

  needed_.assign(plan_.outputs.size(), true);
  if (options_.force) return;
  // Every output that may be unchanged is read and hashed: an output damaged in place, its
  // size and time kept, is caught (the promise of docs/cli.md). A link in an output's place is
  // never hashed through (file_content_hash), so it is written again, as a file.
  for (std::size_t i = 0; i < plan_.outputs.size(); ++i) {
    auto it = manifest.outputs.find(plan_.outputs[i].path);
    if (it == manifest.outputs.end() || it->second.input_hash != input_hashes_[i]) continue;
    auto hash = file_content_hash(out_ / plan_.outputs[i].path);
    needed_[i] = !hash || *hash != it->second.output_hash;
  }
}

}  // namespace plenary::output::detail
