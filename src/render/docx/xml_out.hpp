// A thin wrapper around Poco::XML::XMLWriter for the WordprocessingML parts: every text and
// attribute value goes through text::clean first, so no part ever holds a control character
// or invalid UTF-8, and Poco does all the escaping.
#pragma once

#include <initializer_list>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>

namespace Poco::XML {
class XMLWriter;
}

namespace plenary::render::docx {


using Attrs = std::initializer_list<std::pair<const char*, std::string>>;

class XmlOut {
 public:
  XmlOut();
  ~XmlOut();
  XmlOut(const XmlOut&) = delete;
  XmlOut& operator=(const XmlOut&) = delete;

  void open(const char* qname, Attrs attrs = {});
  void close(const char* qname);
  void leaf(const char* qname, Attrs attrs = {});
  void text(std::string_view text);  // character data, cleaned
  // <qname attrs>text</qname>
  void element(const char* qname, std::string_view text, Attrs attrs = {});
  std::string finish();  // ends the document and returns the bytes

 private:
  std::ostringstream out_;
  std::unique_ptr<Poco::XML::XMLWriter> writer_;
};

}  // namespace plenary::render::docx
