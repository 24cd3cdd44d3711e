// The floor of a forced build, measured on this machine (tests/bench/bench.py builds and runs
// it): what no program turning these YAML files into these output bytes can avoid.
//
//   floor yaml FILE...            yaml-cpp parsing each file (YAML::Load of its bytes)
//   floor deflate FILE...         zlib deflating each file's bytes (level 6, as the writers)
//   floor haru PAGES OUT.pdf      libharu writing PAGES pages of 50 lines of text each with a
//                                 base-14 font, compressed, to OUT.pdf
//
// Each prints the median milliseconds of RUNS (environment, default 9) runs after a warm-up,
// reading the files once beforehand: the floor excludes the disk, as the build's own timing
// of a warm cache does. With FLOOR_CPU=1 it prints the median wall milliseconds and then the
// median CPU milliseconds of the same runs (the process's CPU clock: one thread here), for a
// comparison with the build's CPU time that the machine's load does not move.
#include <hpdf.h>
#include <yaml-cpp/yaml.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string slurp(const char* path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

double cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double median_cpu = 0;  // of the last median_ms call

template <typename F>
double median_ms(F&& work) {
  const char* env = std::getenv("RUNS");
  const int runs = env ? std::max(1, std::atoi(env)) : 9;
  work();  // warm-up
  std::vector<double> ms, cpu;
  for (int i = 0; i < runs; ++i) {
    const double cpu_start = cpu_ms();
    const auto start = std::chrono::steady_clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
    cpu.push_back(cpu_ms() - cpu_start);
  }
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  median_cpu = cpu[cpu.size() / 2];
  return ms[ms.size() / 2];
}

void haru_error(HPDF_STATUS error, HPDF_STATUS detail, void*) {
  std::fprintf(stderr, "libharu error %04X (%u)\n", static_cast<unsigned>(error),
               static_cast<unsigned>(detail));
  std::exit(1);
}

void haru(int pages, const char* out) {
  HPDF_Doc pdf = HPDF_New(haru_error, nullptr);
  HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
  HPDF_Font font = HPDF_GetFont(pdf, "Helvetica", nullptr);
  const char* line =
      "The task group reviewed the comparison of measurement results and agreed the next steps.";
  for (int p = 0; p < pages; ++p) {
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, 10);
    for (int l = 0; l < 50; ++l) HPDF_Page_TextOut(page, 50, 800 - 15 * l, line);
    HPDF_Page_EndText(page);
  }
  HPDF_SaveToFile(pdf, out);
  HPDF_Free(pdf);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: floor yaml|deflate FILE... | floor haru PAGES OUT.pdf\n");
    return 2;
  }
  const std::string what = argv[1];
  double ms = 0;
  if (what == "haru") {
    const int pages = std::atoi(argv[2]);
    ms = median_ms([&] { haru(pages, argv[3]); });
  } else {
    std::vector<std::string> files;
    for (int i = 2; i < argc; ++i) files.push_back(slurp(argv[i]));
    if (what == "yaml") {
      ms = median_ms([&] {
        for (const auto& bytes : files) {
          YAML::Node node = YAML::Load(bytes);
          if (!node) std::exit(1);
        }
      });
    } else if (what == "deflate") {
      std::vector<unsigned char> out;
      ms = median_ms([&] {
        for (const auto& bytes : files) {
          uLongf size = compressBound(bytes.size());
          out.resize(size);
          if (compress2(out.data(), &size, reinterpret_cast<const Bytef*>(bytes.data()),
                        bytes.size(), 6) != Z_OK)
            std::exit(1);
        }
      });
    } else {
      std::fprintf(stderr, "floor: unknown measure '%s'\n", what.c_str());
      return 2;
    }
  }
  const char* both = std::getenv("FLOOR_CPU");
  if (both && std::string(both) == "1")
    std::printf("%.3f %.3f\n", ms, median_cpu);
  else
    std::printf("%.3f\n", ms);
  return 0;
}
