#include "render/docx/xml_out.hpp"

#include <Poco/SAX/AttributesImpl.h>
#include <Poco/XML/XMLWriter.h>

#include "text/utf8.hpp"

namespace plenary::render::docx {

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
    result.addAttribute("", "", name, "CDATA", plenary::text::clean(value));
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
  const std::string clean = plenary::text::clean(text);
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
