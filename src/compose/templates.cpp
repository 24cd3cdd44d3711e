// load_templates: the override rule, style.yaml, i18n/<lang>.yaml and the logo.
#include <fcntl.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>

#include "compose/compose.hpp"
#include "compose/fixed_texts.hpp"
#include "compose/image.hpp"
#include "compose/kinds.hpp"
#include "compose/style_file.hpp"
#include "core/confined_path.hpp"
#include "core/fd.hpp"
#include "core/read_file.hpp"
#include "load/load.hpp"

namespace plenary::compose {

namespace {

namespace fs = std::filesystem;
using detail::LogoSpec;
using detail::parse_style;

std::string lang_code(Lang lang) {
  return lang == Lang::Fr ? "fr" : "en";
}

// Templates, texts, style and logo are small; anything larger is a mistake or an attack.
constexpr std::uintmax_t kMaxTemplateFileBytes = 16u << 20;

std::string strip_bom(std::string s) {
  if (s.rfind("\xEF\xBB\xBF", 0) == 0) s.erase(0, 3);
  return s;
}

void flatten(const YAML::Node& n, const std::string& prefix,
             std::map<std::string, std::string>& out) {
  if (n.IsMap()) {
    for (const auto& kv : n) {
      flatten(kv.second, prefix.empty() ? kv.first.Scalar() : prefix + "." + kv.first.Scalar(),
              out);
    }
  } else if (n.IsSequence()) {
    for (std::size_t i = 0; i < n.size(); ++i)
      flatten(n[i], prefix + "." + std::to_string(i + 1), out);
  } else if (n.IsScalar()) {
    out[prefix] = n.Scalar();
  }
}

// How a file is named in diagnostics: relative to the data root for the first folder (the data
// root's own templates/, "templates/agenda.md", like "data/committee.yaml"), in full otherwise.
std::string shown_path(const std::vector<fs::path>& folders, std::size_t index,
                       const std::string& name) {
  const fs::path& folder = folders[index];
  if (index == 0 && !folder.filename().empty()) return (folder.filename() / name).generic_string();
  return (folder / name).generic_string();
}

enum class Found { Yes, No, Unreadable };

// Where the file `p` of templates folder `index` may lead: a data root's templates/ stays in
// the data root, the program's templates in their folder.
fs::path bound_of(const std::vector<fs::path>& folders, std::size_t index) {
  return core::canonical_folder(index == 0 ? folders[0].parent_path() : folders[index]);
}

// Finds `name` in the first folder that has it. Unreadable (reported in `diags`): the file is
// there but leads out of its folder through a link, is not a regular file, is too large or
// cannot be read. Whether a file a link points to exists is never told: a link leading out is
// refused before its target is looked at.
// `fds[i]`, when not -1, is folders[i] opened without following a link in its own place: a
// file with no link on its way is settled by one open beneath it (core::read_file_beneath);
// anything else is judged step by step below, with the same answers.
Found find_file(const std::vector<fs::path>& folders, const std::vector<core::Fd>& fds,
                const std::string& name, TemplateSet& set, Diagnostics& diags) {
  const bool text = fs::path(name).extension() == ".md" || fs::path(name).extension() == ".yaml";
  for (std::size_t i = 0; i < folders.size(); ++i) {
    std::string bytes;
    if (i < fds.size() && fds[i].get() >= 0) {
      const std::optional<core::ReadStatus> read =
          core::read_file_beneath(fds[i].get(), name, bytes, kMaxTemplateFileBytes);
      if (read == core::ReadStatus::Missing) continue;
      if (read == core::ReadStatus::Ok) {
        set.files[name] = text ? strip_bom(std::move(bytes)) : std::move(bytes);
        set.file_paths[name] = shown_path(folders, i, name);
        return Found::Yes;
      }
    }
    const fs::path p = folders[i] / fs::path(name);
    std::error_code ec;
    // Where the name leads is settled first, whether or not a file is there (see
    // core::where_path_leads): the answer for a link leading out is the same for a file
    // outside that exists and one that does not.
    const core::PathLeads leads = core::where_path_leads(folders[i], name, bound_of(folders, i));
    const bool out = leads == core::PathLeads::Outside;
    if (leads == core::PathLeads::Unresolvable) {
      diags.error({shown_path(folders, i, name), 0, 0},
                  "cannot resolve the path (a symbolic link loop?)");
      return Found::Unreadable;
    }
    if (out) {
      diags.error({shown_path(folders, i, name), 0, 0},
                  i == 0 ? "a symbolic link leading out of the data root: not followed"
                         : "a symbolic link leading out of the program's templates: not followed");
      return Found::Unreadable;
    }
    const fs::file_status own = fs::symlink_status(p, ec);
    if (own.type() == fs::file_type::not_found || own.type() == fs::file_type::none) continue;
    if (!fs::is_regular_file(p, ec)) {
      // A folder, a pipe, a dangling link or a loop in place of an override is a mistake, never
      // silently replaced by the stock file.
      diags.error({shown_path(folders, i, name), 0, 0}, "not a regular file");
      return Found::Unreadable;
    }
    const core::ReadStatus read = core::read_file(p, bytes, kMaxTemplateFileBytes);
    if (read != core::ReadStatus::Ok) {
      diags.error({shown_path(folders, i, name), 0, 0},
                  core::describe(read, kMaxTemplateFileBytes));
      return Found::Unreadable;
    }
    set.files[name] = text ? strip_bom(std::move(bytes)) : std::move(bytes);
    set.file_paths[name] = shown_path(folders, i, name);
    return Found::Yes;
  }
  return Found::No;
}

// A YAML file of the templates, parsed by the load stage (its limits, its positions).
std::optional<YAML::Node> parse_yaml(const std::string& text, const std::string& path,
                                     Diagnostics& diags) {
  load::SourceFile file = load::parse_text(path, text, diags);
  if (!file.ok) return std::nullopt;
  return file.root;
}

doc::Image scaled(const std::string& name, const std::string& bytes, const detail::ImageInfo& info,
                  double width_pt, double height_pt) {
  doc::Image img;
  img.name = name;
  img.data = bytes;
  img.format = info.format;
  img.align = doc::Align::Center;
  if (width_pt > 0) {
    img.width_pt = width_pt;
    img.height_pt = width_pt * info.height_px / info.width_px;
  } else {
    img.height_pt = height_pt;
    img.width_pt = height_pt * info.width_px / info.height_px;
  }
  return img;
}

}  // namespace

std::optional<TemplateSet> load_templates(const std::vector<fs::path>& folders, Lang lang,
                                          Diagnostics& diags) {
  TemplateSet set;
  set.lang = lang == Lang::Fr ? Lang::Fr : Lang::En;
  // Each folder opened once for find_file's one-call opens; O_NOFOLLOW: a folder that is
  // itself a link (the data root's templates/ may lead out) is left to the step-by-step check.
  std::vector<core::Fd> opened;
  opened.reserve(folders.size());
  for (const auto& folder : folders)
    opened.emplace_back(::open(folder.c_str(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
  const auto find_file = [&](const std::vector<fs::path>& in, const std::string& name,
                             TemplateSet& into, Diagnostics& d) {
    return compose::find_file(in, opened, name, into, d);
  };
  const std::size_t errors_before = diags.error_count();
  const auto missing = [&](const std::string& name) {
    std::string looked;
    for (const auto& f : folders) looked += (looked.empty() ? "" : ", ") + f.generic_string();
    const std::string where = folders.empty() ? "templates/" + name : shown_path(folders, 0, name);
    diags.error({where, 0, 0}, "template file '" + name + "' not found",
                "looked in " + (looked.empty() ? std::string("no folder") : looked));
  };

  // 1. Templates and partials, first folder wins file by file.
  for (const auto& name : kind_template_names()) {
    if (find_file(folders, name, set, diags) == Found::No) missing(name);
  }
  std::vector<std::string> partials;
  for (const auto& folder : folders) {
    std::error_code ec;
    const fs::path dir = folder / "partials";
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.path().extension() == ".md")
        partials.push_back("partials/" + entry.path().filename().string());
    }
  }
  std::sort(partials.begin(), partials.end());
  partials.erase(std::unique(partials.begin(), partials.end()), partials.end());
  for (const auto& name : partials) find_file(folders, name, set, diags);

  // 2. House style.
  std::optional<LogoSpec> logo;
  if (const Found found = find_file(folders, "style.yaml", set, diags); found == Found::No) {
    missing("style.yaml");
  } else if (found == Found::Yes) {
    if (auto root = parse_yaml(set.files["style.yaml"], set.file_paths["style.yaml"], diags))
      parse_style(*root, set.file_paths["style.yaml"], set, logo, diags);
  }

  // 3. Fixed texts.
  const std::string i18n = "i18n/" + lang_code(set.lang) + ".yaml";
  if (const Found found = find_file(folders, i18n, set, diags); found == Found::No) {
    missing(i18n);
  } else if (found == Found::Yes) {
    auto root = parse_yaml(set.files[i18n], set.file_paths[i18n], diags);
    if (root && !root->IsMap()) {
      diags.error({set.file_paths[i18n], 1, 1}, "expected a mapping of fixed texts");
    } else if (root) {
      flatten(*root, "", set.texts);
      for (const auto& key : detail::required_text_keys()) {
        if (!set.texts.count(key))
          diags.error({set.file_paths[i18n], 0, 0}, "missing fixed text '" + key + "'");
      }
    }
  }

  // 4. Logo, found by the same rule.
  if (logo) {
    const fs::path logo_path(logo->file);
    const bool climbs = std::any_of(logo_path.begin(), logo_path.end(),
                                    [](const fs::path& part) { return part == ".."; });
    const Found found = logo_path.is_absolute() || climbs || logo->file.empty()
                            ? Found::Unreadable
                            : find_file(folders, logo->file, set, diags);
    if (logo_path.is_absolute() || climbs || logo->file.empty()) {
      diags.error(logo->pos,
                  "the logo must be a file under templates/ (a relative path "
                  "without '..'), not '" +
                      logo->file + "'");
    } else if (found == Found::No) {
      diags.error(logo->pos, "logo file '" + logo->file + "' not found");
    } else if (found == Found::Unreadable) {
      // reported by find_file
    } else if (const std::string problem = doc::image_problem(set.files[logo->file]);
               !problem.empty() && detail::image_info(set.files[logo->file])) {
      diags.error({set.file_paths[logo->file], 0, 0}, "the logo: " + problem);
    } else if (auto info = detail::image_info(set.files[logo->file])) {
      const std::string name = fs::path(logo->file).filename().string();
      set.logo = scaled(name, set.files[logo->file], *info, logo->width_pt, 0);
      set.header_logo = scaled(name, set.files[logo->file], *info, 0, logo->header_height_pt);
      // Its alternative text (tagged PDF /Alt): the style's, else the fixed text, if any.
      const auto fixed = set.texts.find("logo.alt");
      const std::string alt =
          !logo->alt.empty() ? logo->alt : fixed != set.texts.end() ? fixed->second : name;
      set.logo->alt = alt;
      set.header_logo->alt = alt;
    } else {
      diags.error({set.file_paths[logo->file], 0, 0}, "the logo is neither a PNG nor a JPEG image");
    }
  }

  if (diags.error_count() > errors_before) return std::nullopt;
  return set;
}

}  // namespace plenary::compose
