// RAII owner of a libharu document. libharu reports errors through a C callback; the
// callback only records them here (nothing is thrown through C frames) and callers check
// `failed()` after each phase.
#pragma once

#include <hpdf.h>

#include <string>

namespace plenary::render::pdf {

class HpdfDoc {
 public:
  HpdfDoc();
  ~HpdfDoc();
  HpdfDoc(const HpdfDoc&) = delete;
  HpdfDoc& operator=(const HpdfDoc&) = delete;

  HPDF_Doc get() const { return doc_; }
  bool failed() const { return doc_ == nullptr || error_ != HPDF_OK; }
  // "libharu error 0x1017 (detail 0): <what>" for the first recorded error.
  std::string error_message() const;
  // Forgets a recorded error (e.g. after a failed optional call that was handled).
  void clear_error();

  // The whole PDF file; empty when saving failed.
  std::string save();

 private:
  static void HPDF_STDCALL on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void* user);

  HPDF_Doc doc_ = nullptr;
  HPDF_STATUS error_ = HPDF_OK;
  HPDF_STATUS detail_ = HPDF_OK;
};

}  // namespace plenary::render::pdf
