// The XML writer for the WordprocessingML parts: appends markup straight into one string.
//
// Why not Poco::XML::XMLWriter (which this replaced): callgrind on the K=4 briefing pack
// (`--only CCQM-32 --format docx`, word/document.xml 1.0 MB) put write_docx at 551 M of the
// build's 1,692 M instructions, document_xml at 410 M, and 427 M of the whole build in
// std::ostream::write called once per output character: XMLWriter sends every character and
// every markup string through a Poco::OutputStreamConverter, an unbuffered streambuf that
// transcodes and writes one character at a time (about 400 instructions per output byte),
// and builds a std::map of attributes per element. The library path itself was the cost, so
// this class writes the same bytes directly: document_xml 410 M -> 30 M instructions, write_docx
// 551 M -> 113 M with the zip level change (docs/docx.md, "XML output path").
//
// Output is byte-for-byte what the XMLWriter gave (WRITE_XML_DECLARATION, no pretty print):
// - `<?xml version="1.0" encoding="UTF-8"?>` then the root element, no newline anywhere;
// - attributes sorted by name (byte order; a repeated name keeps its last value);
// - an element with no content is written `<x/>`;
// - text escapes & < > and " (as &quot;), keeps ' and tab/newline as they are;
//   attribute values also write tab, newline and carriage return as &#x9; &#xA; &#xD;.
// Every text and attribute value is cleaned as core::clean does (controls dropped, ill-formed
// UTF-8 replaced by U+FFFD) in the same pass, so no part ever holds a character XML forbids.
// A close() that does not match the innermost open element, a finish() with elements still
// open, or a second root element is a programming error: std::logic_error.
#pragma once

#include <cstddef>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace plenary::render::docx {

// Attribute values are views: a temporary std::string given in the list (std::to_string(...))
// lives until the call returns, which is as long as the writer needs it.
using Attr = std::pair<const char*, std::string_view>;
using Attrs = std::initializer_list<Attr>;

class XmlOut {
 public:
  struct Fragment {};  // tag: markup written apart, to be spliced into a part with insert()

  // `reserve`: expected size of the part in bytes (the string still grows past it).
  explicit XmlOut(std::size_t reserve = 4096);
  // A fragment: no XML declaration, any number of top-level elements (none included).
  XmlOut(Fragment, std::size_t reserve = 4096);
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void open(const char* qname, Attrs attrs = {});
  void close(const char* qname);
  void leaf(const char* qname, Attrs attrs = {});
  void text(std::string_view text);  // character data, cleaned
  // <qname attrs>text</qname>
  void element(const char* qname, std::string_view text, Attrs attrs = {});
  std::string finish();  // checks every element is closed and returns the bytes

  // Where content written now would go, for an insert() later (the current element then
  // counts as having content: it ends with a close tag, not "/>").
  std::size_t offset();
  // Puts a fragment's finished markup at an earlier offset(); offsets taken after `at` move
  // by markup.size().
  void insert(std::size_t at, std::string_view markup);

 private:
  void start_tag(const char* qname, Attrs attrs);
  void end_start_tag() {
    if (start_tag_open_) {
      put('>');
      start_tag_open_ = false;
    }
  }
  // Appending: out_ is kept larger than the bytes written (size_), so most appends are an
  // inlined bounds check and memcpy rather than a std::string::append call.
  char* grow(std::size_t n) {  // room for n more bytes at the end
    if (n > out_.size() - size_) make_room(n);
    char* at = out_.data() + size_;
    size_ += n;
    return at;
  }
  void make_room(std::size_t n);
  void put(std::string_view s) { std::memcpy(grow(s.size()), s.data(), s.size()); }
  void put(char c) { *grow(1) = c; }
  void put_escaped(std::string_view s, bool attribute);

  std::string out_;
  std::size_t size_ = 0;             // bytes of out_ written
  std::string names_;                // the open elements' names, each followed by '\0'
  std::vector<std::size_t> starts_;  // where each open element's name starts in names_
  bool start_tag_open_ = false;      // "<name attrs" written, its '>' or "/>" not yet
  bool root_written_ = false;
  bool fragment_ = false;
};

}  // namespace plenary::render::docx
