// Arbitrary bytes anywhere in the document (text, anchors, URLs, metadata, cells) never make
// a part ill-formed. Fixed seed, so the test is the same on every run.
#include <catch2/catch.hpp>

#include <random>

#include "docx_reader.hpp"
#include "render/docx/docx_writer.hpp"

using namespace plenary;

namespace {

std::string random_bytes(std::mt19937& rng, std::size_t max_length) {
  std::uniform_int_distribution<std::size_t> length(0, max_length);
  std::uniform_int_distribution<int> byte(0, 255);
  std::string s(length(rng), '\0');
  for (char& c : s) c = static_cast<char>(byte(rng));
  return s;
}

doc::Document random_document(std::mt19937& rng) {
  doc::Document d;
  d.meta.title = random_bytes(rng, 40);
  d.meta.author = random_bytes(rng, 20);
  d.meta.subject = random_bytes(rng, 20);
  d.meta.keywords = random_bytes(rng, 20);
  d.meta.header_left = random_bytes(rng, 20);
  d.meta.header_right = random_bytes(rng, 20);
  d.meta.footer = random_bytes(rng, 10) + "{page}" + random_bytes(rng, 10) + "{pages}";
  d.meta.contents_title = random_bytes(rng, 20);
  d.meta.date = random_bytes(rng, 12);
  d.meta.language = random_bytes(rng, 5);
  d.meta.has_cover = true;
  d.blocks.push_back(
      doc::paragraph({doc::text(random_bytes(rng, 80))}, doc::ParagraphStyle::Title));
  d.blocks.push_back(doc::Block{doc::PageBreak{}});
  d.blocks.push_back(doc::Block{doc::Contents{}});
  for (int i = 0; i < 12; ++i) {
    const std::string anchor = random_bytes(rng, 12);
    d.blocks.push_back(doc::heading(1 + i % 3, anchor, {doc::text(random_bytes(rng, 30))}));
    d.blocks.push_back(doc::paragraph(
        {doc::text(random_bytes(rng, 200)),
         doc::Inline{doc::Link{random_bytes(rng, 40), {doc::text(random_bytes(rng, 10))}}},
         doc::Inline{doc::Ref{anchor, {doc::text(random_bytes(rng, 10))}}},
         doc::Inline{doc::Code{random_bytes(rng, 20)}}}));
    doc::Table t;
    t.rows = {{{{doc::text(random_bytes(rng, 15))}}, {{doc::text(random_bytes(rng, 15))}}},
              {{{doc::text(random_bytes(rng, 15))}}}};
    d.blocks.push_back(doc::Block{t});
    d.blocks.push_back(doc::Block{doc::List{
        i % 2 == 0, i, {doc::ListItem{{doc::paragraph({doc::text(random_bytes(rng, 30))})}}}}});
  }
  return d;
}

}  // namespace

TEST_CASE("random bytes in every text field still give well-formed, reproducible parts",
          "[docx][text]") {
  std::mt19937 rng(20261125);
  for (int round = 0; round < 25; ++round) {
    const doc::Document d = random_document(rng);
    render::DocxOptions options;
    options.heading_pages = {1, 2, 3};
    const std::string bytes = render::write_docx(d, doc::Style{}, options);
    CHECK(bytes == render::write_docx(d, doc::Style{}, options));
    for (const auto& [name, data] : test::docx_parts(bytes)) {
      if (name.find("media/") != std::string::npos) continue;
      INFO("round " << round << ", part " << name);
      CHECK_NOTHROW(test::parse_xml(data));
    }
  }
}
