// Shared by the fuzz targets: splitting one input into several files, and the checks every
// output must pass (a failed check aborts, which libFuzzer reports as a crash).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace plenary::fuzz {

// The marker line between files in one fuzz input (and in the seed corpus).
inline const std::string kFileSeparator = "\n#=====8<=====\n";

// Splits `data` at kFileSeparator into at most `parts` pieces; missing pieces are absent.
std::vector<std::string> split_files(const std::uint8_t* data, std::size_t size, std::size_t parts);

// Aborts with `what` on stderr when `ok` is false.
void require(bool ok, const std::string& what);

// A DOCX package: a zip whose every .xml/.rels part parses as XML (Poco::XML, expat), holds
// no character XML 1.0 forbids, and is listed in [Content_Types].xml. "" or the problem.
std::string docx_problem(const std::string& bytes);

// A PDF that `qpdf --check` accepts (run as a program on a temporary file). "" or the problem.
std::string pdf_problem(const std::string& bytes);

// Valid UTF-8 without NUL or C0 controls other than tab and newline. "" or the problem.
std::string text_problem(const std::string& text);

}  // namespace plenary::fuzz
