// out/manifest.json: what each output was built from and what was written. Pretty JSON with
// sorted keys (Poco::JSON), so equal manifests are equal bytes.
//
//   {
//     "outputs": {
//       "CCQM-30/CCQM-30-agenda.pdf": {
//         "bytes": 48213,
//         "document": "CCQM-30",
//         "input_hash": "<sha-256 of fingerprint, program version, format, lang, epoch>",
//         "inputs_digest": "<sha-256 of all input files, version, lang, epoch; optional>",
//         "lang": "en",
//         "output_hash": "<sha-256 of the file>"
//       }
//     },
//     "plenary_version": "0.1.0",
//     "schema": 1,
//     "unchanged_check": {             (optional; see unchanged_check.hpp)
//       "key": "<sha-256 of version, lang, epoch, --only, --format>",
//       "outputs": ["CCQM-30/CCQM-30-agenda.pdf", ...],
//       "read": {"file:data/committee.yaml": "<sha-256>", "folder:agendas": "<sha-256>", ...},
//       "warnings": [{"col": 3, "hint": "", "line": 10, "message": "...", "path": "..."}]
//     }
//   }
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace plenary::output::detail {

struct ManifestEntry {
  std::string document;     // the plenary or task-group id the output belongs to
  std::string lang;         // "en", "fr"
  std::string input_hash;   // what it was made from
  std::string output_hash;  // what was written
  std::uint64_t bytes = 0;
  // inputs_digest() of the build that wrote or last checked it; optional (empty when absent).
  std::string inputs_digest;
};

// What the last build read and planned, for an unchanged build that parses no YAML
// (unchanged_check.hpp); optional ("unchanged_check" in the manifest, empty key when absent).
struct UnchangedCheck {
  std::string key;                           // unchanged_key() of that build's options
  std::map<std::string, std::string> read;   // inputs_digest()'s entries
  std::vector<std::string> outputs;          // the planned outputs, in plan order
  // The warnings every build of these inputs reports (loading, planning, templates), said
  // again by the unchanged build that answers from this record.
  std::vector<Diagnostic> warnings;
};

struct Manifest {
  static constexpr int kSchema = 1;
  std::map<std::string, ManifestEntry> outputs;  // path relative to out/ -> entry
  UnchangedCheck check;
};

// Parses a manifest; returns false (and an empty manifest) when the text is not one we wrote,
// in which case every output is simply rebuilt.
bool parse_manifest(const std::string& text, Manifest& manifest);

std::string serialize_manifest(const Manifest& manifest, const std::string& program_version);

}  // namespace plenary::output::detail
