// data/documents.yaml, the optional working-document register, read into Committee::documents:
// every entry checked where it is written (the reference against the numbering pattern, the
// revision letter, duplicates, the status), each `file:` checked on disk (under papers/, a
// regular file, a PDF, DOCX or ODT by its content, read once through the bounded reader and
// hashed), then, once the agendas are read, their document references against the register.
#include <algorithm>
#include <cctype>
#include <functional>
#include <istream>
#include <map>
#include <sstream>

#include <Poco/Exception.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>

#include "core/confined_path.hpp"
#include "core/read_file.hpp"
#include "core/sha256.hpp"
#include "model/committee_builder.hpp"
#include "model/register.hpp"

namespace plenary::model::detail {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxPaperBytes = 64u << 20;  // 64 MiB per paper

// ---- the numbering pattern ----------------------------------------------------------------

struct Token {
  enum Kind { Text, Year4, Year2, Number } kind = Text;
  std::string text;
};

// "CCQM/{yy}-{nn}" -> [Text "CCQM/", Year2, Text "-", Number]; the problem in `error` when the
// pattern is not one: a placeholder other than {yyyy}, {yy} and {nn}, no {nn}, or two of one.
std::vector<Token> parse_pattern(const std::string& pattern, std::string& error) {
  std::vector<Token> tokens;
  int years = 0, numbers = 0;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      std::size_t close = pattern.find('}', i);
      std::string name =
          pattern.substr(i, close == std::string::npos ? std::string::npos : close - i + 1);
      if (name == "{yyyy}" || name == "{yy}") {
        tokens.push_back({name == "{yyyy}" ? Token::Year4 : Token::Year2, {}});
        ++years;
      } else if (name == "{nn}") {
        tokens.push_back({Token::Number, {}});
        ++numbers;
      } else {
        error = "unknown placeholder " + squote(name);
        return {};
      }
      i += name.size();
      continue;
    }
    if (tokens.empty() || tokens.back().kind != Token::Text) tokens.push_back({Token::Text, {}});
    tokens.back().text += pattern[i++];
  }
  if (numbers == 0)
    error = "no {nn} (the running number)";
  else if (numbers > 1)
    error = "more than one {nn}";
  else if (years > 1)
    error = "more than one year ({yyyy} or {yy})";
  return error.empty() ? tokens : std::vector<Token>{};
}

bool digits(const std::string& s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

bool matches(const std::vector<Token>& tokens, std::size_t t, const std::string& s,
             std::size_t at) {
  if (t == tokens.size()) return at == s.size();
  const Token& tok = tokens[t];
  switch (tok.kind) {
    case Token::Text:
      return s.compare(at, tok.text.size(), tok.text) == 0 &&
             matches(tokens, t + 1, s, at + tok.text.size());
    case Token::Year4:
      return digits(s, at, 4) && matches(tokens, t + 1, s, at + 4);
    case Token::Year2:
      return digits(s, at, 2) && matches(tokens, t + 1, s, at + 2);
    case Token::Number:
      for (std::size_t n = 2; digits(s, at, n); ++n)
        if (matches(tokens, t + 1, s, at + n)) return true;
      return false;
  }
  return false;
}

// The pattern written out for `year`, number 1: "CCQM/26-01", for hints.
std::string example(const std::vector<Token>& tokens, int year) {
  std::string out;
  std::string y = std::to_string(year);
  for (const Token& tok : tokens) {
    if (tok.kind == Token::Text) out += tok.text;
    if (tok.kind == Token::Year4) out += y;
    if (tok.kind == Token::Year2) out += y.substr(y.size() - 2);
    if (tok.kind == Token::Number) out += "01";
  }
  return out;
}

// ---- a paper's file -----------------------------------------------------------------------

std::string lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// What a zip holds, by its entries: "docx" (word/document.xml), "odt" (an ODF `mimetype`
// entry naming a text document), "zip" (neither), "damaged" (no end-of-central-directory
// record in its last 64 KiB: cut short), "" (not a readable zip).
std::string zip_kind(const std::string& bytes) {
  const std::size_t tail = bytes.size() > (65535 + 22) ? bytes.size() - (65535 + 22) : 0;
  if (bytes.find("PK\x05\x06", tail) == std::string::npos) return "damaged";
  try {
    std::istringstream in(bytes);
    Poco::Zip::ZipArchive archive(in);
    if (archive.findHeader("word/document.xml") != archive.headerEnd()) return "docx";
    auto mimetype = archive.findHeader("mimetype");
    if (mimetype != archive.headerEnd()) {
      if (mimetype->second.getUncompressedSize() > 256) return "zip";
      std::istringstream again(bytes);
      Poco::Zip::ZipInputStream entry(again, mimetype->second);
      // At most a little more than the longest answer, whatever the entry claims to inflate to.
      char text[64];
      entry.read(text, sizeof text);
      const std::string read(text, static_cast<std::size_t>(entry.gcount()));
      if (read == "application/vnd.oasis.opendocument.text") return "odt";
    }
    return "zip";
  } catch (const Poco::Exception&) {
    return "";
  } catch (const std::exception&) {
    return "";
  }
}

const char* type_name(const std::string& type) {
  return type == "pdf" ? "PDF" : type == "docx" ? "DOCX" : "ODT";
}

std::string a_type(const std::string& type) {
  return std::string(type == "odt" ? "an " : "a ") + type_name(type);
}

}  // namespace

// Checks the `file:` of `paper` (its value at `pos`) under `root`; sets its type, size and hash.
static void check_paper_file(const fs::path& root, Paper& paper, const SourcePos& pos,
                             Diagnostics& diags) {
  const std::string& rel = paper.file;
  const std::string named = "file " + squote(rel);
  const std::string put_it = "put the paper in papers/ and write papers/<name>";
  // Under papers/, relative, '/'-separated, no '.', '..' or empty parts.
  bool plain = rel.rfind("papers/", 0) == 0 && rel.find('\\') == std::string::npos;
  for (std::size_t at = 0; plain && at <= rel.size();) {
    std::size_t slash = rel.find('/', at);
    std::string part = rel.substr(at, slash == std::string::npos ? std::string::npos : slash - at);
    if (part.empty() || part == "." || part == "..") plain = false;
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  if (!plain) {
    diags.error(pos, named + " is outside papers/", put_it);
    return;
  }
  const std::string ext = lower(fs::path(rel).extension().string());
  if (ext != ".pdf" && ext != ".docx" && ext != ".odt") {
    diags.error(pos, named + " is not a PDF, DOCX or ODT file",
                "a paper is a .pdf, .docx or .odt file");
    return;
  }
  const fs::path path = root / fs::path(rel);
  std::error_code ec;
  const fs::file_status link = fs::symlink_status(path, ec);
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::not_found) {
    diags.error(pos, named + " not found",
                link.type() == fs::file_type::symlink ? "it is a symbolic link to nothing" : "");
    return;
  }
  if (ec) {
    diags.error(pos, named + " cannot be read");
    return;
  }
  // A symbolic link (the file's, or a folder's on the way) must not lead out of papers/.
  std::error_code cec;
  const fs::path real = fs::canonical(path, cec);
  const fs::path real_root = fs::canonical(root, cec);
  const fs::path real_papers = fs::canonical(root / "papers", cec);
  if (cec || !core::path_within(real_papers, real_root) || !core::path_within(real, real_papers)) {
    diags.error(pos, named + " is a symbolic link leading outside papers/", put_it);
    return;
  }
  if (st.type() != fs::file_type::regular) {
    diags.error(pos, named + " is not a regular file");
    return;
  }
  std::string bytes;
  const core::ReadStatus read = core::read_file(real, bytes, kMaxPaperBytes);
  if (read != core::ReadStatus::Ok) {
    diags.error(pos, named + ": " + core::describe(read, kMaxPaperBytes));
    return;
  }
  std::string type;
  if (bytes.compare(0, 5, "%PDF-") == 0)
    type = "pdf";
  else if (bytes.compare(0, 4, "PK\x03\x04") == 0)
    type = zip_kind(bytes);
  const std::string want = ext.substr(1);
  if (type == "damaged") {
    diags.error(pos, named + " is damaged: a zip cut short (no central directory)",
                "save or export the paper again");
    return;
  }
  if (type != want) {
    std::string why = want == "pdf"    ? "it does not start with %PDF-"
                      : want == "docx" ? "it is not a zip holding word/document.xml"
                                       : "it is not a zip whose mimetype names an ODF text";
    diags.error(pos, named + " is not " + a_type(want) + " file by its content",
                why + (type == "pdf" || type == "docx" || type == "odt"
                           ? "; it is " + a_type(type) + ", rename it"
                           : std::string()));
    return;
  }
  paper.file_type = type;
  paper.file_size = bytes.size();
  paper.file_sha256 = core::sha256_hex(bytes);
}

void CommitteeBuilder::documents_file(const load::SourceFile& src, const fs::path& root) {
  if (!src.ok) return;
  FileReader f(src.path, diags_);
  Fields top(f, src.root, {"numbering", "papers_due_days", "documents"}, "the document register");
  if (!top.ok()) return;
  Register reg;
  reg.source_file = src.path;
  reg.pos = top.pos();
  reg.numbering = top.string("numbering", Need::Optional);
  const bool default_pattern = reg.numbering.empty();
  if (default_pattern && !c_.committee.id.empty()) reg.numbering = c_.committee.id + "/{yy}-{nn}";
  std::string pattern_error;
  std::vector<Token> pattern;
  if (!reg.numbering.empty()) {
    pattern = parse_pattern(reg.numbering, pattern_error);
    if (!pattern_error.empty())
      diags_.error(top.value_pos("numbering"),
                   "numbering " + squote(reg.numbering) + " has " + pattern_error,
                   "write it like \"CCQM/{yy}-{nn}\": {yyyy} or {yy} the year, {nn} the number");
  }
  if (auto days = top.integer("papers_due_days", Need::Optional)) {
    if (*days < 0)
      diags_.error(top.value_pos("papers_due_days"), "papers_due_days must be 0 or more");
    else
      reg.papers_due_days = *days;
  }
  std::map<std::string, SourcePos> seen;
  std::vector<SourcePos> file_positions;
  for (const auto& node : top.list("documents", Need::Required)) {
    Fields fl(f, node,
              {"ref", "revision", "title", "author", "date", "plenary", "status", "replaces",
               "file", "url"},
              "a document");
    if (!fl.ok()) continue;
    Paper p;
    p.pos = fl.pos();
    p.ref = fl.string("ref", Need::Required);
    p.revision = fl.string("revision", Need::Optional);
    if (fl.has("revision") &&
        !(p.revision.size() == 1 && p.revision[0] >= 'a' && p.revision[0] <= 'z')) {
      diags_.error(
          fl.value_pos("revision"),
          "revision " + squote(p.revision) + " is not one lower-case letter",
          "write b for the second revision: " + (p.ref.empty() ? "CCQM/26-07" : p.ref) + "b");
      p.revision.clear();
    }
    if (auto t = fl.markdown("title", Need::Required)) p.title = *t;
    if (fl.has("author")) {
      if (fl.value("author").IsSequence())
        p.authors = fl.persons("author");
      else if (auto a = fl.person("author", Need::Optional))
        p.authors.push_back(*a);
    }
    if (auto d = fl.date("date", Need::Required, DatePrecision::Day)) p.date = *d;
    p.plenary = fl.ref("plenary", Need::Optional);
    p.status = fl.choice<DocumentStatus>("status", Need::Optional,
                                         {{"draft", DocumentStatus::Draft},
                                          {"final", DocumentStatus::Final},
                                          {"withdrawn", DocumentStatus::Withdrawn}},
                                         DocumentStatus::Final);
    p.replaces = fl.ref("replaces", Need::Optional);
    p.file = fl.string("file", Need::Optional);
    p.file_pos = fl.value_pos("file");
    p.url = fl.string("url", Need::Optional);
    if (!p.ref.empty() && !pattern.empty() && !matches(pattern, 0, p.ref, 0)) {
      diags_.error(
          fl.value_pos("ref"),
          "reference " + squote(p.ref) + " does not match the numbering " + squote(reg.numbering),
          "write it like " + example(pattern, p.date.year ? p.date.year : 2026) +
              (default_pattern ? ", or set 'numbering' in data/documents.yaml" : ""));
    }
    if (!p.ref.empty()) {
      auto [it, inserted] = seen.emplace(p.full_ref(), fl.value_pos("ref"));
      if (!inserted)
        diags_.error(fl.value_pos("ref"), "duplicate document " + squote(p.full_ref()),
                     "first at line " + std::to_string(it->second.line));
    }
    if (!p.file.empty()) check_paper_file(root, p, p.file_pos, diags_);
    reg.documents.push_back(std::move(p));
  }
  c_.documents = std::move(reg);
}

void CommitteeBuilder::link_documents() {
  if (!c_.documents) return;
  Register& reg = *c_.documents;
  std::vector<std::string> refs;
  for (const Paper& p : reg.documents) {
    if (std::find(refs.begin(), refs.end(), p.ref) == refs.end()) refs.push_back(p.ref);
    refs.push_back(p.full_ref());
  }
  auto unknown = [&](const std::string& ref, const SourcePos& pos, const std::string& other) {
    std::string close = closest_match(ref, refs);
    diags_.error(pos, "unknown document " + squote(ref),
                 close.empty() ? other : "did you mean " + squote(close) + "?");
  };
  for (const Paper& p : reg.documents) {
    if (p.plenary && !p.plenary->id.empty()) resolve(*p.plenary, plenaries_);
    if (p.replaces && !p.replaces->id.empty()) {
      const Paper* r = reg.find(p.replaces->id);
      if (!r)
        unknown(p.replaces->id, p.replaces->pos, "register the document it replaces");
      else if (r->ref == p.ref)
        diags_.error(p.replaces->pos, "document " + squote(p.full_ref()) + " replaces itself",
                     "a later revision supersedes the earlier ones without 'replaces'");
    }
  }
  // Late papers, once the plenaries are known.
  for (const Paper& p : reg.documents) {
    if (!is_late(c_, p)) continue;
    const Plenary* pl = c_.plenary(p.plenary->id);
    diags_.warning(p.pos,
                   "document " + squote(p.full_ref()) + " is late: issued " + p.date.iso() +
                       ", papers for " + squote(pl->id) + " were due by " +
                       papers_due(reg, *pl).iso(),
                   "papers are due " + std::to_string(reg.papers_due_days) +
                       " days before the plenary starts: papers_due_days in " + reg.source_file);
  }
  // The agendas' references, and the withdrawn papers they name.
  std::function<void(const std::vector<AgendaItem>&)> items = [&](const auto& list) {
    for (const AgendaItem& it : list) {
      for (std::size_t i = 0; i < it.documents.size(); ++i) {
        const SourcePos pos = i < it.document_positions.size() ? it.document_positions[i] : it.pos;
        const Paper* p = reg.find(it.documents[i]);
        if (!p) {
          unknown(it.documents[i], pos, "register it in data/documents.yaml");
        } else if (p->status == DocumentStatus::Withdrawn) {
          std::string by = superseded_by(reg, *p);
          diags_.warning(pos, "the agenda names withdrawn document " + squote(p->full_ref()),
                         by.empty() ? "remove it from the agenda"
                                    : "name " + squote(by) + ", which replaces it");
        }
      }
      items(it.items);
    }
  };
  for (const Agenda& a : c_.agendas)
    for (const AgendaDay& d : a.days) items(d.items);
}

}  // namespace plenary::model::detail
