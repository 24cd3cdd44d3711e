// The logical structure the pagination records for tagged PDF (Pagination::structure,
// Page::nodes): which element each placed item belongs to, or that it is an artifact.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "fonts/fonts.hpp"
#include "layout_helpers.hpp"
#include "paginate/paginate.hpp"
#include "sample_document.hpp"

using namespace plenary;
using namespace plenary::paginate;
using namespace plenary::test;

namespace {

const std::string& role(const Pagination& layout, int node) {
  static const std::string artifact = "(artifact)";
  return node == kArtifact ? artifact : layout.structure.at(node).role;
}

// The roles from `node` up to the Document, innermost first: "TD/TR/Table/Document".
std::string path(const Pagination& layout, int node) {
  if (node == kArtifact) return "(artifact)";
  std::string out;
  for (int n = node; n >= 0; n = layout.structure.at(n).parent) {
    if (!out.empty()) out += '/';
    out += layout.structure.at(n).role;
  }
  return out;
}

struct Found {
  int page;
  int node;
};

// Every text item whose text is `text`, with its element.
std::vector<Found> find_text(const Pagination& layout, const std::string& text) {
  std::vector<Found> out;
  for (std::size_t p = 0; p < layout.pages.size(); ++p) {
    const Page& page = layout.pages[p];
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      const auto* run = std::get_if<TextItem>(&page.items[i]);
      if (run != nullptr && run->text == text) out.push_back({static_cast<int>(p), page.nodes[i]});
    }
  }
  return out;
}

}  // namespace

TEST_CASE("Every placed item belongs to a structure element or is an artifact",
          "[pdf][layout][tagged]") {
  FontRegistry fonts(kStyle);
  const auto document = sample_document();  // kept alive: the items point into it
  const Pagination layout = paginate::paginate(document, kStyle, fonts);
  REQUIRE_FALSE(layout.structure.empty());
  CHECK(layout.structure[0].role == "Document");
  CHECK(layout.structure[0].parent == -1);
  const std::set<std::string> roles = {"Document", "H1", "H2", "H3", "P", "L", "LI", "Lbl",
                                       "LBody", "Table", "TR", "TH", "TD", "Figure", "Link",
                                       "TOC", "TOCI"};
  for (const StructNode& node : layout.structure) CHECK(roles.count(node.role) == 1);
  for (std::size_t n = 1; n < layout.structure.size(); ++n) {
    CHECK(layout.structure[n].parent >= 0);
    CHECK(layout.structure[n].parent < static_cast<int>(n));  // parents come first
  }
  for (const Page& page : layout.pages) {
    REQUIRE(page.nodes.size() == page.items.size());
    for (std::size_t i = 0; i < page.items.size(); ++i) {
      const int node = page.nodes[i];
      CHECK((node == kArtifact || (node >= 0 && node < static_cast<int>(layout.structure.size()))));
      // Rules and fills are never content.
      if (std::holds_alternative<RuleItem>(page.items[i]) ||
          std::holds_alternative<RectItem>(page.items[i])) {
        CHECK(node == kArtifact);
      }
    }
  }
}

TEST_CASE("Tagged structure: headings, lists, figure, links, contents, running texts",
          "[pdf][layout][tagged]") {
  FontRegistry fonts(kStyle);
  // Kept alive: the pagination's items point into the document (its images, its texts).
  const auto document = sample_document();
  const Pagination layout = paginate::paginate(document, kStyle, fonts);

  SECTION("headings are H1-H3 under the Document") {
    const auto h = find_text(layout, "2 Agenda");
    REQUIRE(h.size() == 2);  // the contents entry, then the heading
    CHECK(path(layout, h[0].node) == "Link/TOCI/TOC/Document");
    CHECK(path(layout, h[1].node) == "H1/Document");
    const auto h3 = find_text(layout, "4.1.1 Criteria");
    REQUIRE(h3.size() == 2);
    CHECK(path(layout, h3[1].node) == "H3/Document");
  }
  SECTION("list markers are labels, list text is in the item's body, nested lists nest") {
    const auto opening = find_text(layout, "Opening of the meeting");
    REQUIRE(opening.size() == 1);
    CHECK(path(layout, opening[0].node) == "P/LBody/LI/L/Document");
    const auto pesticides = find_text(layout, "Pesticides in food");
    REQUIRE(pesticides.size() == 1);
    CHECK(path(layout, pesticides[0].node) ==
          "P/LBody/LI/L/LBody/LI/L/LBody/LI/L/Document");
    const auto marker = find_text(layout, "1.");
    REQUIRE_FALSE(marker.empty());
    CHECK(path(layout, marker[0].node) == "Lbl/LI/L/Document");
  }
  SECTION("the figure carries its alternative text; the header logo is an artifact") {
    int figures = 0, logos = 0;
    for (const Page& page : layout.pages) {
      for (std::size_t i = 0; i < page.items.size(); ++i) {
        const auto* image = std::get_if<ImageItem>(&page.items[i]);
        if (image == nullptr) continue;
        if (image->image->name == "figure.png") {
          ++figures;
          CHECK(role(layout, page.nodes[i]) == "Figure");
          CHECK(layout.structure[page.nodes[i]].alt == "A small test figure");
        } else {
          ++logos;
          CHECK(page.nodes[i] == kArtifact);
        }
      }
    }
    CHECK(figures == 1);
    CHECK(logos >= 2);
  }
  SECTION("a link's rectangle and its text form one Link element inside the paragraph") {
    int links = 0;
    for (const Page& page : layout.pages) {
      for (std::size_t i = 0; i < page.items.size(); ++i) {
        const auto* link = std::get_if<LinkItem>(&page.items[i]);
        if (link == nullptr || link->url != "https://www.bipm.org/en/committees/cc/ccqm") continue;
        const int node = page.nodes[i];
        REQUIRE(role(layout, node) == "Link");
        CHECK(layout.structure[node].text == link->url);
        bool text_inside = false;
        for (std::size_t k = 0; k < page.items.size(); ++k) {
          text_inside = text_inside || (page.nodes[k] == node &&
                                        std::holds_alternative<TextItem>(page.items[k]));
        }
        CHECK(text_inside);
        const std::string parent = role(layout, layout.structure[node].parent);
        CHECK((parent == "P" || parent == "TD"));
        ++links;
      }
    }
    CHECK(links >= 2);  // the paragraph's and the table's
  }
  SECTION("contents entries are TOCI > Link; their dot leaders are artifacts") {
    const auto entry = find_text(layout, "1 Introduction");
    REQUIRE(entry.size() == 2);  // the contents entry and the heading
    CHECK(path(layout, entry[0].node) == "Link/TOCI/TOC/Document");
    CHECK(path(layout, entry[1].node) == "H1/Document");
    int leaders = 0;
    for (const Page& page : layout.pages) {
      for (std::size_t i = 0; i < page.items.size(); ++i) {
        const auto* run = std::get_if<TextItem>(&page.items[i]);
        if (run != nullptr && run->text.rfind(". . .", 0) == 0) {
          ++leaders;
          CHECK(page.nodes[i] == kArtifact);
        }
      }
    }
    CHECK(leaders > 3);
  }
  SECTION("running header and footer are artifacts") {
    const auto footer = find_text(layout, "Page 2 of " + std::to_string(layout.page_count()));
    REQUIRE(footer.size() == 1);
    CHECK(footer[0].node == kArtifact);
    int headers = 0;
    for (const Found& f : find_text(layout, "Briefing pack")) {
      if (layout.pages[f.page].cover) continue;  // the cover has no running texts
      CHECK(f.node == kArtifact);
      ++headers;
    }
    CHECK(headers == layout.page_count() - 1);
  }
}

TEST_CASE("A table over several pages: one TR per row, header rows repeated as artifacts",
          "[pdf][layout][tagged][table]") {
  FontRegistry fonts(kStyle);
  const auto document = sample_document();  // kept alive: the items point into it
  const Pagination layout = paginate::paginate(document, kStyle, fonts);
  const auto headers = find_text(layout, "Remarks");
  REQUIRE(headers.size() >= 3);  // repeated on every page the 120 rows span
  CHECK(path(layout, headers[0].node) == "TH/TR/Table/Document");
  CHECK(layout.structure[headers[0].node].column_header);
  for (std::size_t i = 1; i < headers.size(); ++i) CHECK(headers[i].node == kArtifact);
  // The member table: its header row and 120 body rows, five cells each.
  const int table = layout.structure[layout.structure[headers[0].node].parent].parent;
  std::map<int, int> cells;  // TR -> cells
  for (std::size_t n = 0; n < layout.structure.size(); ++n) {
    const StructNode& node = layout.structure[n];
    if (node.role == "TR" && node.parent == table) cells[static_cast<int>(n)];
    if ((node.role == "TD" || node.role == "TH") && cells.count(node.parent)) ++cells[node.parent];
  }
  CHECK(cells.size() == 121);
  for (const auto& [row, count] : cells) CHECK(count == 5);
  // Body cells' text belongs to TD elements of that table.
  for (const Found& f : find_text(layout, "Główny Urząd Miar")) {
    CHECK(path(layout, f.node) == "TD/TR/Table/Document");
  }
}
