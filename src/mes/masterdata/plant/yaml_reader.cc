// Reads plant YAML files into typed master data content and reports every problem at
// its file and line (see plant_files.h and detail/reader.h).
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <map>
#include <set>

#include "mes/masterdata/plant/detail/reader.h"

namespace ordo::masterdata::plant::detail {

namespace {

using masterdata::FieldDef;
using masterdata::ValueType;

constexpr std::size_t kMaxKeyInPath = 40;  // characters of a list item's key in a path

// `text` cut to at most `max` bytes (at a UTF-8 character boundary) plus "...", if longer.
std::string Shortened(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "...";
}

int LineOf(const YAML::Node& node) { return node.Mark().line >= 0 ? node.Mark().line + 1 : 0; }

std::string Join(const std::string& parent, const std::string& name) {
  return parent.empty() ? name : parent + "." + name;
}

// Converts one file's YAML to JSON content, recording the line of every field path.
class Converter {
 public:
  // Records at most `max_errors` + 1 problems in `errors`; counts the rest in dropped().
  Converter(std::string file, std::vector<FileError>* errors, std::size_t max_errors)
      : file_(std::move(file)), errors_(errors), max_errors_(max_errors) {}

  Json Mapping(const std::vector<FieldDef>& defs, const YAML::Node& node, const std::string& path,
               bool is_root) {
    Json object = Json::object();
    std::set<std::string> seen;
    for (auto it = node.begin(); it != node.end(); ++it) {
      const YAML::Node key = it->first;  // a copy: it->first lives in a temporary proxy
      if (!key.IsScalar()) {
        Fail(LineOf(key), path, "keys must be plain names");
        continue;
      }
      const std::string name = key.Scalar();
      const std::string child = Join(path, name);
      if (!seen.insert(name).second) {
        Fail(LineOf(key), child, "duplicate key");
        continue;
      }
      if (is_root && name == "kind") continue;
      lines_[child] = LineOf(key);
      auto def =
          std::find_if(defs.begin(), defs.end(), [&](const FieldDef& d) { return d.name == name; });
      if (def == defs.end()) {
        Fail(LineOf(key), child, "unknown field");
        continue;
      }
      if (auto value = Value(*def, YAML::Node(it->second), child, LineOf(key)))
        object[name] = *value;
    }
    return object;
  }

  const std::map<std::string, int>& lines() const { return lines_; }
  bool failed() const { return failed_; }
  std::size_t dropped() const { return dropped_; }
  void Fail(int line, const std::string& field, const std::string& message) {
    failed_ = true;
    if (recorded_++ > max_errors_) {
      ++dropped_;
      return;
    }
    errors_->push_back({file_, line, field, message, ""});
  }

 private:
  std::optional<Json> Value(const FieldDef& def, const YAML::Node& node, const std::string& path,
                            int line) {
    if (node.IsNull())
      return Fail(line, path, "is empty; give a value or leave the field out"), std::nullopt;
    switch (def.type) {
      case ValueType::kString:
      case ValueType::kText:
      case ValueType::kChoice:
      case ValueType::kDate:
        if (!node.IsScalar()) return Fail(line, path, "must be a string"), std::nullopt;
        return Json(node.Scalar());
      case ValueType::kInteger:
      case ValueType::kNumber: {
        const bool integer = def.type == ValueType::kInteger;
        const char* expected = integer ? "must be a whole number" : "must be a number";
        if (!node.IsScalar() || node.Tag() != "?") return Fail(line, path, expected), std::nullopt;
        Json number = Json::parse(node.Scalar(), nullptr, false);
        if (number.is_discarded() || !number.is_number() ||
            (integer && !number.is_number_integer()))
          return Fail(line, path, expected), std::nullopt;
        return number;
      }
      case ValueType::kBoolean:
        if (node.IsScalar() && node.Tag() == "?" &&
            (node.Scalar() == "true" || node.Scalar() == "false"))
          return Json(node.Scalar() == "true");
        return Fail(line, path, "must be true or false"), std::nullopt;
      case ValueType::kObject:
        if (!node.IsMap()) return Fail(line, path, "must be a mapping of fields"), std::nullopt;
        return Mapping(def.fields, node, path, false);
      case ValueType::kStringList:
      case ValueType::kObjectList:
        return List(def, node, path, line);
    }
    return std::nullopt;
  }

  std::optional<Json> List(const FieldDef& def, const YAML::Node& node, const std::string& path,
                           int line) {
    const bool objects = def.type == ValueType::kObjectList;
    if (!node.IsSequence())
      return Fail(line, path, objects ? "must be a list of items" : "must be a list of strings"),
             std::nullopt;
    Json list = Json::array();
    for (std::size_t i = 0; i < node.size(); ++i) {
      const YAML::Node item = node[i];
      const std::string item_path = ItemPath(def, item, path, i);
      lines_[item_path] = LineOf(item);
      if (!objects) {
        if (!item.IsScalar()) {
          Fail(LineOf(item), item_path, "must be a string");
          continue;
        }
        list.push_back(item.Scalar());
      } else if (!item.IsMap()) {
        Fail(LineOf(item), item_path, "must be a mapping of fields");
      } else {
        list.push_back(Mapping(def.fields, item, item_path, false));
      }
    }
    return list;
  }

  // "name[key=value]" when the item has its key as a string, else "name[index]" (the
  // naming of masterdata::FieldError).
  static std::string ItemPath(const FieldDef& def, const YAML::Node& item, const std::string& path,
                              std::size_t index) {
    if (!def.key.empty() && item.IsMap()) {
      const YAML::Node key = item[def.key];
      if (key && key.IsScalar() && !key.IsNull())
        return path + "[" + def.key + "=" + Shortened(key.Scalar(), kMaxKeyInPath) + "]";
    }
    return path + "[" + std::to_string(index) + "]";
  }

  std::string file_;
  std::vector<FileError>* errors_;
  std::size_t max_errors_;
  std::size_t recorded_ = 0, dropped_ = 0;
  std::map<std::string, int> lines_;
  bool failed_ = false;
};

// The line of `field` or of its nearest ancestor present in `lines`.
int LineOfField(const std::map<std::string, int>& lines, const std::string& field) {
  std::size_t best_length = 0;
  int line = lines.count("") ? lines.at("") : 1;
  for (const auto& [path, path_line] : lines) {
    if (path.empty() || path.size() < best_length || field.compare(0, path.size(), path) != 0)
      continue;
    if (field.size() == path.size() || field[path.size()] == '.' || field[path.size()] == '[') {
      best_length = path.size();
      line = path_line;
    }
  }
  return line;
}

constexpr int kMaxFlowDepth = 32;

// The 1-based line where a second YAML document starts ("---" after content, or any
// content after "..."), or 0. Block scalars are indented, so a marker at column 0 is
// always a document marker.
int SecondDocumentLine(const std::string& text) {
  bool content = false, ended = false;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view l(text.data() + start, end - start);
    ++line;
    auto marker = [&](std::string_view m) {
      return l.substr(0, 3) == m && (l.size() == 3 || l[3] == ' ' || l[3] == '\t' || l[3] == '\r');
    };
    const bool blank = l.find_first_not_of(" \t\r") == std::string_view::npos;
    const bool comment = !blank && l[l.find_first_not_of(" \t\r")] == '#';
    if (marker("---")) {
      if (content || ended) return line;
    } else if (marker("...")) {
      ended = true;
    } else if (!blank && !comment) {
      if (ended) return line;
      content = true;
    }
    start = end + 1;
  }
  return 0;
}

// Reads one file into `object`; false (with errors added) when it has any problem.
bool ReadFile(const PlantFile& file, const Validator& validate, const YamlLimits& limits,
              std::size_t* budget, PlantObject* object, int* id_line,
              std::vector<FileError>* errors, std::size_t* dropped) {
  std::vector<YAML::Node> documents;
  // Not YAML::LoadAll: in yaml-cpp 0.7 it loops forever (allocating) on input such as
  // "," (found by fuzz_plant_files). Load reads the first document; a second one is
  // found from its marker line instead.
  // yaml-cpp parses flow collections recursively: refuse deep nesting before it can
  // exhaust the stack (brackets inside quoted strings count too; real files stay far
  // below the limit).
  int depth = 0, deepest = 0;
  for (char c : file.text) {
    if (c == '[' || c == '{') deepest = std::max(deepest, ++depth);
    if ((c == ']' || c == '}') && depth > 0) --depth;
  }
  if (deepest > kMaxFlowDepth) {
    errors->push_back({file.path, 0, "",
                       "brackets nested more than " + std::to_string(kMaxFlowDepth) + " deep", ""});
    return false;
  }
  if (int second = SecondDocumentLine(file.text); second > 0) {
    errors->push_back(
        {file.path, second, "", "one object per file: found a second YAML document", ""});
    return false;
  }
  // Aliases: measured with every alias expanded before anything walks the document.
  ExpansionCheck expansion =
      CheckYamlExpansion(file, limits, std::min(limits.max_expanded_bytes, *budget));
  if (expansion.error) {
    errors->push_back(*expansion.error);
    return false;
  }
  *budget -= std::min(*budget, expansion.measured.expanded_bytes);
  try {
    documents.push_back(YAML::Load(file.text));
  } catch (const YAML::Exception& e) {
    errors->push_back(
        {file.path, e.mark.line >= 0 ? e.mark.line + 1 : 0, "", "YAML syntax: " + e.msg, ""});
    return false;
  } catch (const std::exception& e) {
    errors->push_back({file.path, 0, "", std::string("cannot read: ") + e.what(), ""});
    return false;
  }
  if (documents.size() != 1 || !documents[0].IsMap()) {
    const int line = documents.size() > 1 ? LineOf(documents[1]) : 1;
    errors->push_back({file.path, line, "",
                       documents.size() > 1 ? "one object per file: found a second YAML document"
                                            : "must be a YAML mapping that starts with kind:",
                       ""});
    return false;
  }
  const YAML::Node& root = documents[0];
  Converter converter(file.path, errors, limits.max_errors_per_file);
  const YAML::Node kind_node = root["kind"];
  if (!kind_node) {
    converter.Fail(LineOf(root), "kind", "missing: every file starts with kind: <kind>");
    return false;
  }
  const masterdata::KindDef* kind =
      kind_node.IsScalar() ? masterdata::FindKind(kind_node.Scalar()) : nullptr;
  if (!kind) {
    std::string known;
    for (const auto& k : masterdata::Kinds()) known += (known.empty() ? "" : ", ") + k.kind;
    converter.Fail(LineOf(kind_node), "kind", "unknown kind; expected one of " + known);
    return false;
  }
  Json content = converter.Mapping(kind->fields, root, "", true);
  *dropped = converter.dropped();
  if (converter.failed()) return false;
  auto lines = converter.lines();
  lines[""] = LineOf(root);
  const std::string id =
      content.contains("id") && content["id"].is_string() ? content["id"].get<std::string>() : "";
  if (validate) {
    auto field_errors = validate(*kind, id, content);
    for (auto& e : field_errors)
      errors->push_back({file.path, LineOfField(lines, e.field), e.field, e.message, ""});
    if (!field_errors.empty()) return false;
  }
  *id_line = LineOfField(lines, "id");
  *object = {kind->kind, id, std::move(content)};
  return true;
}

// Keeps at most limits.max_errors_per_file of the errors from `first` on (then one
// too_many_errors line counts the rest) and cuts long fields and messages.
void BoundErrors(const PlantFile& file, const YamlLimits& limits, std::size_t first,
                 std::size_t dropped, std::vector<FileError>* errors) {
  const std::size_t count = errors->size() - first + dropped;
  if (count > limits.max_errors_per_file) {
    errors->resize(first + limits.max_errors_per_file);
    errors->push_back({file.path, 0, "",
                       std::to_string(count - limits.max_errors_per_file) +
                           " more problems in this file are not listed; fix the ones above first",
                       "too_many_errors"});
  }
  for (std::size_t i = first; i < errors->size(); ++i) {
    (*errors)[i].field = Shortened((*errors)[i].field, limits.max_error_text);
    (*errors)[i].message = Shortened((*errors)[i].message, limits.max_error_text);
  }
}

}  // namespace

ReadResult ReadPlantFilesWith(const std::vector<PlantFile>& files, const Validator& validate,
                              const YamlLimits& limits) {
  ReadResult result;
  std::map<std::pair<std::string, std::string>, std::pair<std::string, int>> defined;
  std::size_t budget = limits.max_total_expanded_bytes;
  for (const auto& file : files) {
    PlantObject object;
    int id_line = 0;
    const std::size_t first_error = result.errors.size();
    std::size_t dropped = 0;
    bool read = false;
    try {
      read = ReadFile(file, validate, limits, &budget, &object, &id_line, &result.errors, &dropped);
    } catch (const std::exception& e) {
      result.errors.push_back({file.path, 0, "", std::string("cannot read: ") + e.what(), ""});
    }
    BoundErrors(file, limits, first_error, dropped, &result.errors);
    if (!read) continue;
    auto [it, added] =
        defined.emplace(std::make_pair(object.kind, object.id), std::make_pair(file.path, id_line));
    if (!added) {
      result.errors.push_back({file.path, id_line, "id",
                               "duplicate: " + object.kind + " " + object.id +
                                   " is also defined in " + it->second.first + ":" +
                                   std::to_string(it->second.second),
                               ""});
      continue;
    }
    result.objects.push_back(std::move(object));
  }
  return result;
}

}  // namespace ordo::masterdata::plant::detail

namespace ordo::masterdata::plant {

std::string FormatErrors(const std::vector<FileError>& errors) {
  std::string out;
  for (const auto& e : errors) {
    out += e.file + ":" + std::to_string(e.line) + ": ";
    if (!e.field.empty()) out += e.field + ": ";
    out += e.message + "\n";
  }
  return out;
}

}  // namespace ordo::masterdata::plant
