#include "render/docx/xml_out.hpp"

#include <algorithm>
#include <cstring>
#include <stdexcept>

#include "core/utf8.hpp"

namespace plenary::render::docx {

namespace {

// What each byte needs: nothing, an escape (or to be dropped, for controls), or a look at the
// UTF-8 sequence it starts.
enum ByteClass : unsigned char { kPlain, kSpecial, kMultibyte };

struct ByteTable {
  ByteClass of[256];
};

constexpr ByteTable make_table(bool attribute) {
  ByteTable t{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      t.of[c] = kMultibyte;
    } else if (c < 0x20 || c == 0x7F || c == '&' || c == '<' || c == '>' || c == '"') {
      t.of[c] = kSpecial;
    } else {
      t.of[c] = kPlain;
    }
  }
  if (!attribute)
    t.of[static_cast<unsigned char>('\t')] = t.of[static_cast<unsigned char>('\n')] = kPlain;
  return t;
}

constexpr ByteTable kTextBytes = make_table(false);
constexpr ByteTable kAttributeBytes = make_table(true);

// The replacement for a kSpecial byte: its escape, or "" for a control core::clean drops.
std::string_view escape(unsigned char c) {
  switch (c) {
    case '&':
      return "&amp;";
    case '<':
      return "&lt;";
    case '>':
      return "&gt;";
    case '"':
      return "&quot;";
    case '\t':
      return "&#x9;";  // only reached for attribute values
    case '\n':
      return "&#xA;";
    default:
      return "";  // C0 controls (carriage return included) and DEL
  }
}

constexpr std::string_view kDeclaration = R"(<?xml version="1.0" encoding="UTF-8"?>)";
constexpr std::size_t kSortedOnStack = 16;

}  // namespace

// UTF-8 of U+FFFD, what core::clean puts for an ill-formed sequence.
constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

XmlOut::XmlOut(std::size_t reserve) {
  out_.resize(std::max(reserve, kDeclaration.size()));
  put(kDeclaration);
}

XmlOut::XmlOut(Fragment, std::size_t reserve) : fragment_(true) {
  out_.resize(std::max<std::size_t>(reserve, 1));
}

std::size_t XmlOut::offset() {
  end_start_tag();
  return size_;
}

void XmlOut::insert(std::size_t at, std::string_view markup) {
  if (at > size_) throw std::logic_error("XML: insert past the end");
  grow(markup.size());
  std::memmove(out_.data() + at + markup.size(), out_.data() + at, size_ - markup.size() - at);
  std::memcpy(out_.data() + at, markup.data(), markup.size());
}

void XmlOut::make_room(std::size_t n) {
  out_.resize(std::max(out_.size() * 2, size_ + n));
}

// Appends `s` cleaned as core::clean does and escaped, in one pass: runs of bytes that need
// neither are copied in one go.
void XmlOut::put_escaped(std::string_view s, bool attribute) {
  const ByteTable& table = attribute ? kAttributeBytes : kTextBytes;
  const char* const p = s.data();
  const std::size_t n = s.size();
  std::size_t run = 0, pos = 0;
  for (;;) {
    while (pos < n && table.of[static_cast<unsigned char>(p[pos])] == kPlain) ++pos;
    if (pos == n) break;
    const unsigned char c = static_cast<unsigned char>(p[pos]);
    if (table.of[c] == kMultibyte) {
      const std::size_t start = pos;
      bool valid = true;
      const char32_t cp = core::next_code_point(s, pos, &valid);
      if (valid && !core::is_forbidden(cp)) continue;
      put(s.substr(run, start - run));
      if (!valid) put(kReplacementUtf8);
      run = pos;
      continue;
    }
    put(s.substr(run, pos - run));
    put(escape(c));
    run = ++pos;
  }
  put(s.substr(run));
}

void XmlOut::start_tag(const char* qname, Attrs attrs) {
  if (starts_.empty() && !fragment_) {
    if (root_written_) throw std::logic_error(std::string("XML: second root element <") + qname);
    root_written_ = true;
  }
  end_start_tag();
  put('<');
  put(qname);
  if (attrs.size() == 0) return;
  // Sorted by name with the last of equal names kept, as XMLWriter's std::map did; a few
  // attributes, so an insertion sort of pointers.
  const Attr* on_stack[kSortedOnStack];
  std::vector<const Attr*> on_heap;
  const Attr** sorted = on_stack;
  if (attrs.size() > kSortedOnStack) {
    on_heap.resize(attrs.size());
    sorted = on_heap.data();
  }
  std::size_t count = 0;
  for (const Attr& attr : attrs) {
    std::size_t at = count;
    while (at > 0 && std::strcmp(sorted[at - 1]->first, attr.first) > 0) --at;
    if (at > 0 && std::strcmp(sorted[at - 1]->first, attr.first) == 0) {
      sorted[at - 1] = &attr;
      continue;
    }
    for (std::size_t k = count; k > at; --k) sorted[k] = sorted[k - 1];
    sorted[at] = &attr;
    ++count;
  }
  for (std::size_t k = 0; k < count; ++k) {
    put(' ');
    put(sorted[k]->first);
    put("=\"");
    put_escaped(sorted[k]->second, true);
    put('"');
  }
}

void XmlOut::open(const char* qname, Attrs attrs) {
  start_tag(qname, attrs);
  start_tag_open_ = true;
  starts_.push_back(names_.size());
  names_.append(qname);
  names_ += '\0';
}

void XmlOut::close(const char* qname) {
  if (starts_.empty()) throw std::logic_error(std::string("XML: </") + qname + "> closes nothing");
  const std::size_t start = starts_.back();
  if (std::strcmp(names_.c_str() + start, qname) != 0) {
    throw std::logic_error(std::string("XML: </") + qname + "> closes <" +
                           (names_.c_str() + start) + ">");
  }
  if (start_tag_open_) {
    put("/>");
    start_tag_open_ = false;
  } else {
    put("</");
    put(qname);
    put('>');
  }
  names_.resize(start);
  starts_.pop_back();
}

void XmlOut::leaf(const char* qname, Attrs attrs) {
  start_tag(qname, attrs);
  put("/>");
}

void XmlOut::text(std::string_view text) {
  if (text.empty()) return;
  const std::size_t before = size_;
  const bool tag_was_open = start_tag_open_;
  end_start_tag();
  const std::size_t from = size_;
  put_escaped(text, false);
  if (size_ == from) {  // nothing left after cleaning: the element may still be empty
    size_ = before;
    start_tag_open_ = tag_was_open;
  }
}

void XmlOut::element(const char* qname, std::string_view text, Attrs attrs) {
  open(qname, attrs);
  this->text(text);
  close(qname);
}

std::string XmlOut::finish() {
  if (!starts_.empty()) {
    throw std::logic_error(std::string("XML: <") + (names_.c_str() + starts_.back()) +
                           "> is never closed");
  }
  if (!root_written_ && !fragment_) throw std::logic_error("XML: no root element");
  out_.resize(size_);
  return std::move(out_);
}

}  // namespace plenary::render::docx
