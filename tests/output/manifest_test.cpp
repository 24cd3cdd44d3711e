#include <catch2/catch.hpp>

#include "output/manifest.hpp"

using plenary::output::detail::Manifest;
using plenary::output::detail::parse_manifest;
using plenary::output::detail::serialize_manifest;

namespace {
Manifest sample() {
  Manifest m;
  m.outputs["task-groups/TG-B-final-report.pdf"] = {"TG-B", "fr", "11aa", "22bb", 1234, ""};
  m.outputs["P-1/P-1-agenda.docx"] = {"P-1", "en", "33cc", "44dd", 99, ""};
  return m;
}
}  // namespace

TEST_CASE("a manifest survives a write and a read unchanged", "[build][manifest]") {
  std::string text = serialize_manifest(sample(), "0.1.0");
  Manifest back;
  REQUIRE(parse_manifest(text, back));
  REQUIRE(back.outputs.size() == 2);
  const auto& e = back.outputs.at("task-groups/TG-B-final-report.pdf");
  CHECK(e.document == "TG-B");
  CHECK(e.lang == "fr");
  CHECK(e.input_hash == "11aa");
  CHECK(e.output_hash == "22bb");
  CHECK(e.bytes == 1234);
  CHECK(serialize_manifest(back, "0.1.0") == text);
}

TEST_CASE("a manifest is pretty JSON with sorted keys and unescaped slashes", "[build][manifest]") {
  std::string text = serialize_manifest(sample(), "0.1.0");
  CHECK(text.find("\n  \"outputs\": {\n    \"P-1/P-1-agenda.docx\": {") != std::string::npos);
  CHECK(text.find("\"P-1/P-1-agenda.docx\"") < text.find("\"task-groups/TG-B-final-report.pdf\""));
  CHECK(text.find("\"outputs\"") < text.find("\"plenary_version\""));
  CHECK(text.find("\"plenary_version\": \"0.1.0\"") != std::string::npos);
  CHECK(text.find("\"schema\": 1") != std::string::npos);
  CHECK(text.back() == '\n');
}

TEST_CASE("a damaged or foreign manifest reads as empty, so everything is rebuilt",
          "[build][manifest]") {
  Manifest m = sample();
  CHECK_FALSE(parse_manifest("{\"outputs\": {\"a.pdf\": {\"input", m));
  CHECK(m.outputs.empty());
  m = sample();
  CHECK_FALSE(parse_manifest("{\"schema\": 99, \"outputs\": {}}", m));
  CHECK(m.outputs.empty());
  CHECK_FALSE(parse_manifest("[1, 2]", m));
  CHECK_FALSE(parse_manifest("", m));
  CHECK_FALSE(parse_manifest("{\"schema\": 1, \"outputs\": {\"a.pdf\": {\"bytes\": 3}}}", m));
}

TEST_CASE("the record of what a build read survives a write and a read, outputs in plan order",
          "[build][manifest]") {
  Manifest m = sample();
  m.check.key = "55ee";
  m.check.read = {{"file:data/committee.yaml", "66ff"}, {"folder:agendas", "absent"}};
  m.check.outputs = {"task-groups/TG-B-final-report.pdf", "P-1/P-1-agenda.docx"};
  const std::string text = serialize_manifest(m, "0.1.0");
  Manifest back;
  REQUIRE(parse_manifest(text, back));
  CHECK(back.check.key == "55ee");
  CHECK(back.check.read == m.check.read);
  CHECK(back.check.outputs == m.check.outputs);  // not sorted: the order builds report in
  CHECK(serialize_manifest(back, "0.1.0") == text);
  // Without a record (a manifest of an earlier version, or a build with warnings): none read.
  Manifest none;
  REQUIRE(parse_manifest(serialize_manifest(sample(), "0.1.0"), none));
  CHECK(none.check.key.empty());
  CHECK(none.check.outputs.empty());
}

// Written by Poco::JSON, read by nlohmann/json (manifest_parse.cpp): every text the record
// holds comes back as it was, escapes, accents and characters beyond the BMP included.
TEST_CASE("the record's warnings come back byte for byte from the other JSON library",
          "[build][manifest]") {
  Manifest m = sample();
  m.check.key = "77aa";
  m.check.read = {{"file:data/t\u00e2ches \"\u00e9t\u00e9\".yaml", "88bb"}};
  m.check.outputs = {"P-1/P-1-agenda.docx"};
  plenary::Diagnostic w;
  w.severity = plenary::Severity::Warning;
  w.pos = {"data/documents.yaml", 44, 5};
  w.message = "late \u00ab CCQM/27-10 \u00bb \u2014 \u00b5mol/mol, tab\there, back\\slash, "
              "quote \"q\", line\nbreak, \x01 control, \xF0\x9F\x93\x84 page, 1/2";
  w.hint = "papers_due_days in data/documents.yaml";
  m.check.warnings = {w};
  const std::string text = serialize_manifest(m, "0.1.0");
  Manifest back;
  REQUIRE(parse_manifest(text, back));
  REQUIRE(back.check.warnings.size() == 1);
  const auto& r = back.check.warnings[0];
  CHECK(r.severity == plenary::Severity::Warning);
  CHECK(r.pos.path == w.pos.path);
  CHECK(r.pos.line == 44);
  CHECK(r.pos.col == 5);
  CHECK(r.message == w.message);
  CHECK(r.hint == w.hint);
  CHECK(back.check.read == m.check.read);
  CHECK(serialize_manifest(back, "0.1.0") == text);
  // A record whose warning is not an object, or lacks a member, is not ours: nothing kept.
  CHECK_FALSE(parse_manifest("{\"schema\": 1, \"outputs\": {}, \"unchanged_check\": {\"key\": "
                             "\"k\", \"read\": {}, \"outputs\": [], \"warnings\": [3]}}", back));
  CHECK(back.check.key.empty());
  CHECK_FALSE(parse_manifest("{\"schema\": 1, \"outputs\": {}, \"unchanged_check\": {\"key\": "
                             "\"k\", \"read\": {}, \"outputs\": [], \"warnings\": [{\"path\": "
                             "\"a\", \"line\": 1, \"col\": 1}]}}", back));
}
