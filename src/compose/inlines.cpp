#include "compose/inlines.hpp"

namespace plenary::compose::detail {

void append_text(doc::Inlines& out, std::string&& s) {
  if (s.empty()) return;
  if (!out.empty()) {
    if (auto* t = std::get_if<doc::Text>(&out.back().value)) {
      t->text += s;
      return;
    }
  }
  out.push_back(doc::text(std::move(s)));
}

void append_all(doc::Inlines& out, doc::Inlines more) {
  for (auto& i : more) {
    if (auto* t = std::get_if<doc::Text>(&i.value)) {
      append_text(out, std::move(t->text));
    } else {
      out.push_back(std::move(i));
    }
  }
}

void trim_trailing_space(doc::Inlines& content) {
  while (!content.empty()) {
    auto* t = std::get_if<doc::Text>(&content.back().value);
    if (!t) return;
    const auto end = t->text.find_last_not_of(' ');
    if (end == std::string::npos) {
      content.pop_back();
      continue;
    }
    t->text.erase(end + 1);
    return;
  }
}

void trim_leading_space(doc::Inlines& content) {
  while (!content.empty()) {
    auto* t = std::get_if<doc::Text>(&content.front().value);
    if (!t) return;
    const auto start = t->text.find_first_not_of(' ');
    if (start == std::string::npos) {
      content.erase(content.begin());
      continue;
    }
    t->text.erase(0, start);
    return;
  }
}

void flatten(const doc::Blocks& blocks, doc::Inlines& out) {
  bool first = true;
  for (const auto& b : blocks) {
    const auto separate = [&] {
      if (!first) out.push_back(doc::Inline{doc::LineBreak{}});
      first = false;
    };
    if (const auto* p = std::get_if<doc::Paragraph>(&b.value)) {
      separate();
      append_all(out, p->content);
    } else if (const auto* h = std::get_if<doc::Heading>(&b.value)) {
      separate();
      append_all(out, h->content);
    } else if (const auto* l = std::get_if<doc::List>(&b.value)) {
      int n = l->start;
      for (const auto& item : l->items) {
        separate();
        append_text(out, l->ordered ? std::to_string(n++) + ". " : "\xE2\x80\xA2 ");
        doc::Inlines inner;
        flatten(item.content, inner);
        append_all(out, std::move(inner));
      }
    } else if (const auto* t = std::get_if<doc::Table>(&b.value)) {
      for (const auto& row : t->rows) {
        separate();
        bool first_cell = true;
        for (const auto& cell : row) {
          if (!first_cell) append_text(out, " | ");
          first_cell = false;
          append_all(out, cell.content);
        }
      }
    }
  }
}

}  // namespace plenary::compose::detail
