#include "compose/anchors.hpp"

#include <cctype>
#include <set>

#include "compose/inlines.hpp"

namespace plenary::compose::detail {

namespace {

void unique_anchors(doc::Blocks& blocks, std::set<std::string>& used) {
  for (auto& b : blocks) {
    if (auto* h = std::get_if<doc::Heading>(&b.value)) {
      std::string base = h->anchor;
      std::string a = base;
      for (int k = 2; used.count(a); ++k) a = base + "-" + std::to_string(k);
      used.insert(a);
      h->anchor = a;
    }
  }
}

// Whether resolve_in changes the sequence itself (beyond the insides of its inlines): a
// reference to a missing anchor is replaced by its text, and append_all merges adjacent texts
// and drops empty ones.
bool resolve_changes(const doc::Inlines& content, const std::set<std::string>& anchors) {
  bool after_text = false;
  for (const auto& i : content) {
    if (const auto* t = std::get_if<doc::Text>(&i.value)) {
      if (after_text || t->text.empty()) return true;
      after_text = true;
      continue;
    }
    after_text = false;
    if (const auto* r = std::get_if<doc::Ref>(&i.value); r && !anchors.count(r->anchor))
      return true;
  }
  return false;
}

void resolve_in(doc::Inlines& content, const std::set<std::string>& anchors);

// Resolves the inlines inside `i` (a reference, strong, emphasis or link).
void resolve_inside(doc::Inline& i, const std::set<std::string>& anchors) {
  if (auto* r = std::get_if<doc::Ref>(&i.value)) {
    resolve_in(r->content, anchors);
  } else if (auto* s = std::get_if<doc::Strong>(&i.value)) {
    resolve_in(s->content, anchors);
  } else if (auto* e = std::get_if<doc::Emphasis>(&i.value)) {
    resolve_in(e->content, anchors);
  } else if (auto* l = std::get_if<doc::Link>(&i.value)) {
    resolve_in(l->content, anchors);
  }
}

void resolve_in(doc::Inlines& content, const std::set<std::string>& anchors) {
  if (!resolve_changes(content, anchors)) {
    for (auto& i : content) resolve_inside(i, anchors);
    return;
  }
  doc::Inlines out;
  for (auto& i : content) {
    resolve_inside(i, anchors);
    if (auto* r = std::get_if<doc::Ref>(&i.value); r && !anchors.count(r->anchor)) {
      append_all(out, std::move(r->content));
      continue;
    }
    doc::Inlines one;
    one.push_back(std::move(i));
    append_all(out, std::move(one));
  }
  content = std::move(out);
}

void resolve_blocks(doc::Blocks& blocks, const std::set<std::string>& anchors) {
  for (auto& b : blocks) {
    if (auto* p = std::get_if<doc::Paragraph>(&b.value)) {
      resolve_in(p->content, anchors);
    } else if (auto* h = std::get_if<doc::Heading>(&b.value)) {
      resolve_in(h->content, anchors);
    } else if (auto* l = std::get_if<doc::List>(&b.value)) {
      for (auto& item : l->items) resolve_blocks(item.content, anchors);
    } else if (auto* t = std::get_if<doc::Table>(&b.value)) {
      for (auto& row : t->rows) {
        for (auto& cell : row) resolve_in(cell.content, anchors);
      }
    }
  }
}

}  // namespace

void resolve_anchors(doc::Blocks& blocks) {
  std::set<std::string> anchors;
  unique_anchors(blocks, anchors);
  resolve_blocks(blocks, anchors);
}

}  // namespace plenary::compose::detail
