#include "render/docx/props.hpp"

#include <Poco/DateTime.h>

#include <cstdio>

#include "render/docx/xml_out.hpp"

namespace plenary::render::docx {

std::string w3cdtf(const std::string& date) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (date.size() < 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3 ||
      date[4] != '-' || date[7] != '-' || !Poco::DateTime::isValid(y, mo, d)) {
    return "";
  }
  if (date.size() >= 16 && (date[10] == 'T' || date[10] == ' ')) {
    std::sscanf(date.c_str() + 11, "%2d:%2d:%2d", &h, &mi, &s);
    if (!Poco::DateTime::isValid(y, mo, d, h, mi, s)) h = mi = s = 0;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02dZ", y, mo, d, h, mi, s);
  return buffer;
}

std::string core_xml(const doc::Metadata& meta) {
  XmlOut x;
  x.open("cp:coreProperties",
         {{"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"},
          {"xmlns:dc", "http://purl.org/dc/elements/1.1/"},
          {"xmlns:dcterms", "http://purl.org/dc/terms/"},
          {"xmlns:dcmitype", "http://purl.org/dc/dcmitype/"},
          {"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"}});
  auto optional = [&](const char* name, const std::string& value) {
    if (!value.empty()) x.element(name, value);
  };
  optional("dc:title", meta.title);
  optional("dc:subject", meta.subject);
  optional("dc:creator", meta.author);
  optional("cp:keywords", meta.keywords);
  optional("dc:language", meta.language);
  const std::string when = w3cdtf(meta.date);
  if (!when.empty()) {
    x.element("dcterms:created", when, {{"xsi:type", "dcterms:W3CDTF"}});
    x.element("dcterms:modified", when, {{"xsi:type", "dcterms:W3CDTF"}});
  }
  x.close("cp:coreProperties");
  return x.finish();
}

std::string app_xml(const doc::Metadata& meta) {
  XmlOut x;
  x.open("Properties",
         {{"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"},
          {"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"}});
  x.element("Application", "plenary");
  x.element("DocSecurity", "0");
  if (!meta.author.empty()) x.element("Company", meta.author);
  x.close("Properties");
  return x.finish();
}

}  // namespace plenary::render::docx
