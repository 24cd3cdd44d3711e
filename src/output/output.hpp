// Output: what to write, when. Plans the outputs of a data root, decides which are out of date
// (out/manifest.json), renders those in parallel and writes each atomically under a lock.
// The stage never prints: progress comes back through callbacks, problems as Diagnostics.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "compose/compose.hpp"
#include "diag/diagnostic.hpp"

namespace plenary::output {

// How a run ended; the CLI maps it to the exit status (0, 1, 2, 3).
enum class Status {
  None,
  Ok,           // 0: success, warnings allowed
  InputErrors,  // 1: the data, agendas or templates have errors
  UsageError,   // 2: a bad option value (unknown --only id, bad PLENARY_LOCK_TIMEOUT)
  OutputError,  // 3: an output could not be written, or the output folder is locked
};

enum class Outcome { None, Built, Unchanged, Failed };

struct Options {
  std::filesystem::path root = ".";  // the data root
  std::filesystem::path out;         // empty = <root>/out
  std::vector<std::string> only;     // plenary / task-group ids; empty = everything
  // Rows of the formats table (render/formats.hpp) by name; empty = those `all` stands for.
  std::vector<std::string> formats;
  compose::Lang lang = compose::Lang::En;
  unsigned jobs = 0;                 // 0 = std::thread::hardware_concurrency()
  bool force = false;                // rebuild even when nothing changed
  bool pdf_a = false;                // every PDF as PDF/A-2a (final reports always are)
  double lock_timeout_seconds = 30;  // how long to wait for another build's lock
};

// One output file of a build, reported once it is done (in plan order).
struct OutputReport {
  std::string path;  // relative to the output folder, '/'-separated
  Outcome outcome = Outcome::None;
  double milliseconds = 0;  // time spent producing it (0 when unchanged)
  std::string error;        // why it failed (Outcome::Failed)
};

struct Callbacks {
  std::function<void(const OutputReport&)> on_output;  // called in plan order, one at a time
  std::function<void(const std::string&)> on_wait;     // "waiting for ..." before blocking
};

struct Report {
  Status status = Status::None;
  Diagnostics diagnostics;  // errors and warnings, sorted
  std::string message;      // the reason for UsageError / OutputError, one line
  int built = 0;
  int unchanged = 0;
  int failed = 0;
  double seconds = 0;
  std::vector<std::string> paths;  // list: the output paths; check: the documents composed
};

// The program's own templates: the source tree's templates/ when it exists (running from the
// build tree), else the installed <prefix>/share/plenary/templates.
std::filesystem::path program_templates();

// Template folders for a data root, highest priority first: <root>/templates, then the
// program's own.
std::vector<std::filesystem::path> template_folders(const std::filesystem::path& root);

std::string version();  // "0.1.0"

// --format: a comma list of format names and `all` ("pdf,md"), as the names of the formats
// table; nullopt with `problem` set for an unknown name, an empty item or a name given twice.
std::optional<std::vector<std::string>> parse_formats(const std::string& text,
                                                      std::string& problem);
// "pdf, docx, md or all": the words --format accepts, for messages.
std::string format_choices();
std::optional<compose::Lang> parse_lang(const std::string& text);  // en | fr
std::string lang_code(compose::Lang lang);                         // "en", "fr"

// Every output path a build with these options would write, relative to the output folder.
Report list(const Options& options);

// Loads and checks everything, composes every document in every language, writes nothing.
Report check(const Options& options);

// Builds the out-of-date outputs (all of them with force) and updates the manifest.
Report build(const Options& options, const Callbacks& callbacks = {});

}  // namespace plenary::output
