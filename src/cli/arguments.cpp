#include "cli/arguments.hpp"

#include <Poco/Util/Option.h>
#include <Poco/Util/OptionException.h>
#include <Poco/Util/OptionProcessor.h>
#include <Poco/Util/OptionSet.h>

#include <map>
#include <set>
#include <sstream>

#include "diag/diagnostic.hpp"
#include "render/formats.hpp"

namespace plenary::cli {

namespace {

using Poco::Util::Option;
using Poco::Util::OptionSet;

std::string join(const std::vector<std::string>& words, const std::string& separator) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : separator) + word;
  return text;
}

OptionSet option_set() {
  OptionSet set;
  set.addOption(Option("root", "", "the data root (default: the current folder)").argument("DIR"));
  set.addOption(Option("out", "", "the output folder (default: <root>/out)").argument("DIR"));
  set.addOption(Option("only", "",
                       "build only the documents of this plenary or task group; "
                       "may be repeated")
                    .argument("ID")
                    .repeatable(true));
  set.addOption(Option("format", "",
                       "a comma list of the formats below, or all (default: all = " +
                           join(render::all_format_names(), ",") + ")")
                    .argument("LIST"));
  set.addOption(Option("lang", "",
                       "en or fr: the language of the fixed texts, for init of the comments "
                       "(default: en)")
                    .argument("LANG"));
  set.addOption(Option("jobs", "", "documents rendered at once (default: the number of cores)")
                    .argument("N"));
  set.addOption(Option("force", "", "rewrite every document, changed or not"));
  set.addOption(Option("pdf-a", "", "write every PDF as PDF/A-2a (final reports always are)"));
  set.addOption(Option("quiet", "", "print only problems and the summary"));
  set.addOption(Option("diagnostics", "",
                       "gcc or json: how problems are printed on stderr (default: gcc)")
                    .argument("FORMAT"));
  set.addOption(Option("help", "h", "print this help"));
  set.addOption(Option("version", "", "print the version"));
  return set;
}

// Options each command accepts (--help and --version go with any).
const std::map<Command, std::set<std::string>>& accepted() {
  static const std::map<Command, std::set<std::string>> table = {
      {Command::Build,
       {"root", "out", "only", "format", "lang", "jobs", "force", "pdf-a", "quiet", "diagnostics"}},
      {Command::List,
       {"root", "out", "only", "format", "lang", "jobs", "force", "pdf-a", "quiet", "diagnostics"}},
      {Command::Check, {"root", "out", "quiet", "diagnostics"}},
      {Command::Init, {"lang"}},
  };
  return table;
}

std::optional<Command> command_named(const std::string& word) {
  if (word == "build") return Command::Build;
  if (word == "check") return Command::Check;
  if (word == "list") return Command::List;
  if (word == "init") return Command::Init;
  if (word == "help") return Command::Help;
  return std::nullopt;
}

std::string command_word(Command command) {
  switch (command) {
    case Command::Build:
      return "build";
    case Command::Check:
      return "check";
    case Command::List:
      return "list";
    case Command::Init:
      return "init";
    default:
      return "";
  }
}

std::optional<unsigned> parse_jobs(const std::string& text) {
  if (text.empty() || text.size() > 4) return std::nullopt;
  unsigned n = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<unsigned>(c - '0');
  }
  if (n < 1 || n > 256) return std::nullopt;
  return n;
}

// Applies one recognised option. Returns a usage error or "".
std::string apply(const std::string& name, const std::string& value, Arguments& a, bool& help,
                  bool& version) {
  auto bad = [&](const std::string& expected) {
    return "bad value '" + value + "' for --" + name + " (expected " + expected + ")";
  };
  if (name == "root") {
    if (value.empty()) return bad("a folder");
    a.options.root = value;
  } else if (name == "out") {
    if (value.empty()) return bad("a folder");
    a.options.out = value;
  } else if (name == "only") {
    if (value.empty()) return bad("a plenary or task-group id");
    a.options.only.push_back(value);
  } else if (name == "format") {
    std::string problem;
    auto formats = output::parse_formats(value, problem);
    if (!formats) return bad("a comma list of " + output::format_choices() + "; " + problem);
    a.options.formats = *formats;
  } else if (name == "lang") {
    auto lang = output::parse_lang(value);
    if (!lang) return bad("en or fr");
    a.options.lang = *lang;
  } else if (name == "jobs") {
    auto jobs = parse_jobs(value);
    if (!jobs) return bad("a whole number from 1 to 256");
    a.options.jobs = *jobs;
  } else if (name == "force") {
    a.options.force = true;
  } else if (name == "pdf-a") {
    a.options.pdf_a = true;
  } else if (name == "quiet") {
    a.quiet = true;
  } else if (name == "diagnostics") {
    if (value == "gcc")
      a.diagnostics = DiagnosticsFormat::Gcc;
    else if (value == "json")
      a.diagnostics = DiagnosticsFormat::Json;
    else
      return bad("gcc or json");
  } else if (name == "help") {
    help = true;
  } else if (name == "version") {
    version = true;
  }
  return {};
}

std::string unknown_option(const std::string& arg) {
  std::string word = arg.substr(0, arg.find('='));
  std::vector<std::string> names;
  for (const auto& option : option_set()) names.push_back("--" + option.fullName());
  std::string message = "unknown option '" + word + "'";
  std::string hint = closest_match(word, names);
  if (!hint.empty()) message += " (hint: did you mean '" + hint + "'?)";
  return message;
}

}  // namespace

ParseResult parse_arguments(const std::vector<std::string>& args) {
  const OptionSet set = option_set();
  Poco::Util::OptionProcessor processor(set);
  processor.setUnixStyle(true);
  Arguments a;
  bool help = false, version = false;
  std::vector<std::string> positional;
  std::vector<std::string> given;  // option names, to check against the command
  std::string current;
  try {
    for (const auto& arg : args) {
      current = arg;
      std::string name, value;
      if (!processor.process(arg, name, value)) {
        positional.push_back(arg);
        continue;
      }
      if (name.empty()) continue;                     // an option whose value is the next argument
      if (arg == value && value.rfind("--", 0) == 0)  // "--only --root x": the value is missing
        return {std::nullopt, "option --" + name + " needs a value"};
      given.push_back(name);
      if (std::string error = apply(name, value, a, help, version); !error.empty())
        return {std::nullopt, error};
    }
    processor.checkRequired();
  } catch (const Poco::Util::UnknownOptionException&) {
    return {std::nullopt, unknown_option(current)};
  } catch (const Poco::Util::AmbiguousOptionException&) {
    return {std::nullopt, "ambiguous option '" + current + "': write it in full"};
  } catch (const Poco::Util::MissingArgumentException& e) {
    return {std::nullopt,
            "option --" + e.message().substr(0, e.message().find(' ')) + " needs a value"};
  } catch (const Poco::Util::DuplicateOptionException& e) {
    return {std::nullopt, "option --" + e.message() + " is given twice"};
  } catch (const Poco::Util::UnexpectedArgumentException&) {
    return {std::nullopt, "option '" + current + "' takes no value"};
  } catch (const Poco::Util::OptionException& e) {
    return {std::nullopt, "bad option '" + current + "': " + e.displayText()};
  }

  if (version) {
    a.command = Command::Version;
    return {a, {}};
  }
  if (help) {
    a.command = Command::Help;
    return {a, {}};
  }
  if (positional.empty()) return {std::nullopt, "no command given (build, check, list or init)"};
  auto command = command_named(positional.front());
  if (!command) {
    std::string message = "unknown command '" + positional.front() + "'";
    std::string hint = closest_match(positional.front(), {"build", "check", "list", "init"});
    if (!hint.empty()) message += " (hint: did you mean '" + hint + "'?)";
    return {std::nullopt, message};
  }
  a.command = *command;
  if (a.command == Command::Help) return {a, {}};
  if (a.command == Command::Init) {
    if (positional.size() < 2) return {std::nullopt, "init needs a folder: plenary init DIR"};
    if (positional[1].empty()) return {std::nullopt, "init needs a folder: plenary init DIR"};
    a.init_dir = positional[1];
    positional.erase(positional.begin() + 1);
  }
  if (positional.size() > 1)
    return {std::nullopt,
            "unexpected argument '" + positional[1] + "' after '" + positional.front() + "'"};
  const auto& allowed = accepted().at(a.command);
  for (const auto& name : given)
    if (!allowed.count(name))
      return {std::nullopt,
              "option --" + name + " does not apply to '" + command_word(a.command) + "'"};
  return {a, {}};
}

std::string usage() {
  std::ostringstream text;
  text << "usage: plenary build [--only ID]... [--format LIST] [--lang en|fr]\n"
          "                     [--jobs N] [--force] [--pdf-a] [--quiet] [--diagnostics gcc|json]\n"
          "                     [--root DIR] [--out DIR]\n"
          "       plenary check [--quiet] [--diagnostics gcc|json] [--root DIR] [--out DIR]\n"
          "       plenary list  [--only ID]... [--format LIST] [--root DIR] [--out DIR]\n"
          "       plenary init DIR [--lang en|fr]\n"
          "       plenary --help | --version\n"
          "\n"
          "commands:\n"
          "  build   write the agendas, briefing packs and final task-group reports to the\n"
          "          output folder; only documents whose inputs changed are rewritten\n"
          "  check   validate the data, agendas and templates; write nothing\n"
          "  list    print the paths a build would write, relative to the output folder\n"
          "  init    write a new committee's data root in DIR (empty or new): small, valid,\n"
          "          commented files and their JSON schemas; --lang fr for French comments\n"
          "\n"
          "options:\n";
  const OptionSet set = option_set();
  for (const auto& option : set) {
    std::string left = option.shortName().empty() ? "      " : "  -" + option.shortName() + ", ";
    left += "--" + option.fullName();
    if (option.takesArgument()) left += " " + option.argumentName();
    text << "  " << left << std::string(left.size() < 24 ? 24 - left.size() : 1, ' ')
         << option.description() << '\n';
  }
  // The formats, from the formats table.
  text << "\nformats (--format takes a comma list of these, e.g. --format pdf,md):\n";
  for (const auto& row : render::formats())
    text << "  " << row.name << std::string(row.name.size() < 6 ? 6 - row.name.size() : 1, ' ')
         << row.description << " (." << row.extension << ")\n";
  text << "  all   " << join(render::all_format_names(), ",") << " (the default)\n";
  text << "\nexit status: 0 ok (warnings allowed), 1 input errors, 2 usage error,\n"
          "             3 an output could not be written (or out/ is locked by another build)\n";
  return text.str();
}

}  // namespace plenary::cli
