// Diagnostics are values: severity, source position, message, hint. No stage prints.
#pragma once

#include <string>
#include <vector>

namespace plenary {

enum class Severity { None, Warning, Error };

struct SourcePos {
  std::string path;  // relative to the data root, '/'-separated ("data/committee.yaml")
  int line = 0;      // 1-based; 0 = the whole file
  int col = 0;       // 1-based; 0 = the whole line
};

struct Diagnostic {
  Severity severity = Severity::None;
  SourcePos pos;
  std::string message;  // lowercase, no final period
  std::string hint;     // optional, e.g. "did you mean 'members'?"
};

// "path:line:col: error: message (hint: ...)" on one line.
std::string format(const Diagnostic& d);

class Diagnostics {
 public:
  void error(SourcePos pos, std::string message, std::string hint = {});
  void warning(SourcePos pos, std::string message, std::string hint = {});
  void add(Diagnostic d);
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

  // Sort by path, line, column (stable for equal positions), dropping exact duplicates.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

// The closest of `candidates` to `word` by edit distance, or "" when none is close enough.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace plenary
