// A fifth format for the test build only: plain text, one self-registering row. It is what
// adding a format takes (a folder with its writer and its row) and nothing else: the program
// built with it (plenary_with_txt) lists it in --help, accepts --format txt and plans, lists,
// writes and records .txt files like every other format (txt_format.sh).
#include <string>
#include <variant>

#include "render/formats.hpp"

namespace {

using namespace plenary;

void blocks_text(const doc::Blocks& blocks, const std::string& indent, std::string& out) {
  for (const doc::Block& block : blocks) {
    if (const auto* h = std::get_if<doc::Heading>(&block.value)) {
      out += "\n" + doc::plain_text(h->content, ' ') + "\n\n";
    } else if (const auto* p = std::get_if<doc::Paragraph>(&block.value)) {
      out += indent + doc::plain_text(p->content) + "\n";
    } else if (const auto* l = std::get_if<doc::List>(&block.value)) {
      for (const auto& item : l->items) {
        out += indent + "- ";
        std::string inner;
        blocks_text(item.content, indent + "  ", inner);
        out += inner.substr(
            inner.find_first_not_of(' ') == std::string::npos ? 0 : inner.find_first_not_of(' '));
      }
    } else if (const auto* t = std::get_if<doc::Table>(&block.value)) {
      for (const auto& row : t->rows) {
        std::string line;
        for (const auto& cell : row)
          line += (line.empty() ? "" : " | ") + doc::plain_text(cell.content, ' ');
        out += indent + line + "\n";
      }
    }
  }
}

std::string write_txt(const doc::Document& document, const render::Options&) {
  std::string out = document.meta.title + "\n";
  blocks_text(document.blocks, "", out);
  return out;
}

const render::FormatRegistration txt_row{
    {"txt", "txt", "plain text (test build only)", render::Pagination::None, false, write_txt}};

}  // namespace
