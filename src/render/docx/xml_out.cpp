#include "render/docx/xml_out.hpp"

#include <Poco/SAX/AttributesImpl.h>
#include <Poco/XML/XMLWriter.h>

namespace plenary::render::docx {

namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at text[i], or 0 when it is ill-formed
// (Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t sequence_length(std::string_view text, std::size_t i, char32_t& cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (i + len > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  cp = b0 & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (byte(i + k) & 0x3F);
  return len;
}

// Bytes to skip for one ill-formed subpart (Unicode's "maximal subpart" practice, as in
// WHATWG decoders): the lead byte plus the continuation bytes that were still valid there.
std::size_t bad_length(std::string_view text, std::size_t i) {
  const unsigned char b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0xC2 || b0 > 0xF4) return 1;
  const std::size_t max = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : 2;
  unsigned char lo = 0x80, hi = 0xBF;
  if (b0 == 0xE0) lo = 0xA0;
  if (b0 == 0xED) hi = 0x9F;
  if (b0 == 0xF0) lo = 0x90;
  if (b0 == 0xF4) hi = 0x8F;
  std::size_t k = i + 1;
  while (k < text.size() && k - i < max) {
    const unsigned char b = static_cast<unsigned char>(text[k]);
    if (k == i + 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) break;
    ++k;
  }
  return k - i;
}

bool allowed(char32_t cp) {
  if (cp == '\t' || cp == '\n') return true;
  if (cp < 0x20) return false;                     // C0 controls (CR included)
  if (cp >= 0x7F && cp <= 0x9F) return false;      // DEL and C1 controls
  if (cp == 0xFFFE || cp == 0xFFFF) return false;  // not XML characters
  return true;
}

}  // namespace

std::string clean_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    const std::size_t len = sequence_length(text, i, cp);
    if (len == 0) {
      out += kReplacement;
      i += bad_length(text, i);
      continue;
    }
    if (allowed(cp)) out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

XmlOut::XmlOut()
    : writer_(std::make_unique<Poco::XML::XMLWriter>(out_,
                                                     Poco::XML::XMLWriter::WRITE_XML_DECLARATION)) {
  writer_->startDocument();
}

XmlOut::~XmlOut() = default;

namespace {
Poco::XML::AttributesImpl make_attrs(Attrs attrs) {
  Poco::XML::AttributesImpl result;
  for (const auto& [name, value] : attrs) {
    result.addAttribute("", "", name, "CDATA", clean_text(value));
  }
  return result;
}
}  // namespace

void XmlOut::open(const char* qname, Attrs attrs) {
  writer_->startElement("", "", qname, make_attrs(attrs));
}

void XmlOut::close(const char* qname) {
  writer_->endElement("", "", qname);
}

void XmlOut::leaf(const char* qname, Attrs attrs) {
  writer_->emptyElement("", "", qname, make_attrs(attrs));
}

void XmlOut::text(std::string_view text) {
  const std::string clean = clean_text(text);
  if (!clean.empty()) writer_->characters(clean);
}

void XmlOut::element(const char* qname, std::string_view text, Attrs attrs) {
  open(qname, attrs);
  this->text(text);
  close(qname);
}

std::string XmlOut::finish() {
  writer_->endDocument();
  return out_.str();
}

}  // namespace plenary::render::docx
