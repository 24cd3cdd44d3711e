#include "render/docx/bookmarks.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA1Engine.h>

#include <set>

namespace plenary::render::docx {

namespace {

std::string bookmark_for(const std::string& anchor) {
  Poco::SHA1Engine sha1;
  sha1.update(anchor);
  return "_h" + Poco::DigestEngine::digestToHex(sha1.digest()).substr(0, 10);
}

void collect(const doc::Blocks& blocks, std::map<std::string, std::string>& names,
             std::set<std::string>& used) {
  for (const doc::Block& block : blocks) {
    if (const auto* heading = std::get_if<doc::Heading>(&block.value)) {
      if (heading->anchor.empty() || names.count(heading->anchor) != 0) continue;
      std::string name = bookmark_for(heading->anchor);
      for (int n = 2; used.count(name) != 0; ++n)
        name = bookmark_for(heading->anchor) + "_" + std::to_string(n);
      used.insert(name);
      names.emplace(heading->anchor, name);
    } else if (const auto* list = std::get_if<doc::List>(&block.value)) {
      for (const doc::ListItem& item : list->items) collect(item.content, names, used);
    }
  }
}

}  // namespace

std::map<std::string, std::string> assign_bookmarks(const doc::Blocks& blocks) {
  std::map<std::string, std::string> names;
  std::set<std::string> used;
  collect(blocks, names, used);
  return names;
}

}  // namespace plenary::render::docx
