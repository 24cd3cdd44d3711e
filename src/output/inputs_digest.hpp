// A digest of every byte a build's documents are made from, cheap to compute: an unchanged
// build whose digest equals the one recorded with an output trusts that output's recorded
// input hash instead of fingerprinting its document (which builds the whole template context).
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "compose/compose.hpp"

namespace plenary::output::detail {

// Hex SHA-256 of: the program version, the language, SOURCE_DATE_EPOCH, the template set as
// loaded (every file by name), and the data files the loader reads — data/committee.yaml,
// data/sector-focus.yaml, data/stakeholders.yaml and every file in data/task-groups/,
// agendas/ and data/outcomes/ (a superset of the *.yaml files read there), by relative path,
// and when the root has a register, data/documents.yaml and the SHA-256 of every paper's file
// as checked. Equal digests mean equal fingerprints for every document of the root. A file the
// committee was loaded from is
// hashed as loaded (model::Committee::source_bytes), never read again: the digest describes
// the bytes the documents are made of even when a file changes during the build.
// `read`, when given, receives the same walk as a generic list of what was read (see
// unchanged_check.hpp): "file:<rel>" -> content hash of the bytes as loaded (core/
// content_hash.hpp; a register's paper: the SHA-256 its check computed) or "absent" or why it
// was not read, "folder:<rel>" -> hash of the folder's listing, "template:<name>" -> "<folder
// index> <content hash>", "templates:<index>" -> hash of that template folder's listing
// (recursive).
std::string inputs_digest(const std::filesystem::path& root, const model::Committee& committee,
                          const compose::TemplateSet& templates, const std::string& program_version,
                          const std::string& lang,
                          std::map<std::string, std::string>* read = nullptr);

}  // namespace plenary::output::detail
