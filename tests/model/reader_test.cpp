#include <catch2/catch.hpp>

#include <string>

#include "load/load.hpp"
#include "model/reader.hpp"

using namespace plenary::model;
using plenary::Diagnostics;

namespace {

struct Doc {
  Diagnostics diags;
  YAML::Node root;
  FileReader file{"t.yaml", diags};
  explicit Doc(const std::string& text) {
    auto f = plenary::load::parse_text("t.yaml", text, diags);
    REQUIRE(f.ok);
    root = f.root;
  }
  std::string lines() const {
    std::string out;
    for (const auto& d : diags.items()) out += plenary::format(d) + "\n";
    return out;
  }
};

enum class Colour { None, Red, Green };

}  // namespace

TEST_CASE("a person is a plain name or a mapping with a name", "[model][reader]") {
  Doc doc(
      "a: Jan Kowalski\nb: {name: Ana, institute: CEM, role: Chair, email: a@x.org}\n"
      "c: {institute: PTB}\nd: [x]\n");
  Fields f(doc.file, doc.root, {"a", "b", "c", "d"}, "a test");
  auto a = f.person("a", Need::Required);
  REQUIRE(a);
  CHECK(a->name == "Jan Kowalski");
  CHECK(a->pos.line == 1);
  CHECK(a->pos.col == 4);
  auto b = f.person("b", Need::Required);
  REQUIRE(b);
  CHECK(b->institute == "CEM");
  CHECK(b->role == "Chair");
  CHECK(b->email == "a@x.org");
  CHECK_FALSE(f.person("c", Need::Required));
  CHECK_FALSE(f.person("d", Need::Required));
  CHECK(doc.lines() ==
        "t.yaml:3:4: error: missing required key 'name'\n"
        "t.yaml:4:4: error: expected a person (a name or a mapping with 'name'), found a list\n");
}

TEST_CASE("unknown keys get the closest known key, duplicates point at the first",
          "[model][reader]") {
  Doc doc("nmae: x\nid: a\nid: b\nzzzzzz: 1\n");
  Fields f(doc.file, doc.root, {"id", "name"}, "a test");
  CHECK(f.ok());
  CHECK(f.string("id", Need::Required) == "a");
  CHECK(doc.lines() ==
        "t.yaml:1:1: error: unknown key 'nmae' (hint: did you mean 'name'?)\n"
        "t.yaml:3:1: error: duplicate key 'id' (hint: first at line 2)\n"
        "t.yaml:4:1: error: unknown key 'zzzzzz' (hint: expected one of: id, name)\n");
}

TEST_CASE("a word from a fixed set suggests the closest word", "[model][reader]") {
  Doc doc("a: gren\nb: purple\nc: red\n");
  Fields f(doc.file, doc.root, {"a", "b", "c", "d"}, "a test");
  std::initializer_list<std::pair<const char*, Colour>> words{{"red", Colour::Red},
                                                              {"green", Colour::Green}};
  CHECK(f.choice<Colour>("a", Need::Optional, words, Colour::None) == Colour::None);
  CHECK(f.choice<Colour>("b", Need::Optional, words, Colour::None) == Colour::None);
  CHECK(f.choice<Colour>("c", Need::Optional, words, Colour::None) == Colour::Red);
  CHECK(f.choice<Colour>("d", Need::Optional, words, Colour::Green) == Colour::Green);
  CHECK(doc.lines() ==
        "t.yaml:1:4: error: unknown a 'gren' (hint: did you mean 'green'?)\n"
        "t.yaml:2:4: error: unknown b 'purple' (hint: expected one of: red, green)\n");
}

TEST_CASE("numbers, booleans and lists are checked for their type", "[model][reader]") {
  Doc doc("n: 42\nm: 4.5\nt: true\nu: maybe\nl: [a, b]\ns: text\ne: []\n");
  Fields f(doc.file, doc.root, {"n", "m", "t", "u", "l", "s", "e"}, "a test");
  CHECK(f.integer("n", Need::Required) == 42);
  CHECK_FALSE(f.integer("m", Need::Required));
  CHECK(f.boolean("t", false));
  CHECK_FALSE(f.boolean("u", false));
  CHECK(f.strings("l") == std::vector<std::string>{"a", "b"});
  CHECK(f.strings("s").empty());
  CHECK(f.markdowns("e", Need::Required).empty());
  CHECK(doc.lines() ==
        "t.yaml:2:4: error: expected a whole number for 'm', found '4.5'\n"
        "t.yaml:4:4: error: expected true or false for 'u', found 'maybe'\n"
        "t.yaml:6:4: error: expected a list for 's', found a string\n"
        "t.yaml:7:4: error: expected at least one entry in 'e'\n");
}

TEST_CASE("a missing key is reported at its mapping, an empty value at its key",
          "[model][reader]") {
  Doc doc("x: 1\n\nentry:\n  id:\n  name: ''\n");
  Fields top(doc.file, doc.root, {"x", "entry"}, "a test");
  Fields f(doc.file, top.value("entry"), {"id", "name", "start"}, "an entry");
  CHECK(f.id("id", Need::Required).empty());
  CHECK(f.string("name", Need::Required).empty());
  CHECK_FALSE(f.date("start", Need::Required, DatePrecision::Day));
  CHECK(doc.lines() ==
        "t.yaml:4:3: error: missing value for 'id'\n"
        "t.yaml:5:9: error: empty value for 'name'\n"
        "t.yaml:4:3: error: missing required key 'start'\n");
}
