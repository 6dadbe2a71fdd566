#include "planfile/tree_reader.h"

#include <algorithm>
#include <utility>

#include "planfile/number_text.h"

namespace planscore::planfile {
namespace {

std::string describe(const TreeNode& node) {
  switch (node.kind) {
    case TreeNode::Kind::null:
      return "nothing";
    case TreeNode::Kind::list:
      return "a list";
    case TreeNode::Kind::map:
      return "a map";
    case TreeNode::Kind::scalar:
      break;
  }
  std::string shown = node.text.size() > 40 ? node.text.substr(0, 40) + "…" : node.text;
  return (node.is_string ? "the text `" : "`") + shown + "`";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// Keys the JSON export adds from core::budget_figures and never reads back.
constexpr std::string_view kComputedKeys[] = {"period_sum", "total", "budget_total"};

}  // namespace

std::string TreeReader::join(std::initializer_list<std::string_view> names) {
  std::string out;
  for (auto name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

void TreeReader::problem(const std::string& path, const TreeNode& node, std::string message) {
  if (node.line > 0)
    message +=
        " (line " + std::to_string(node.line) + ", column " + std::to_string(node.column) + ")";
  problems_.push_back({path, std::move(message)});
}

bool TreeReader::ignores(std::string_view key) const {
  return ignore_computed_keys_ && std::find(std::begin(kComputedKeys), std::end(kComputedKeys),
                                            key) != std::end(kComputedKeys);
}

bool TreeReader::expect_list(const TreeNode& node, const std::string& path) {
  if (node.kind == TreeNode::Kind::list) return true;
  problem(path, node, "expected a list (lines starting with `- `), found " + describe(node));
  return false;
}

bool TreeReader::expect_map(const TreeNode& node, const std::string& path) {
  if (node.kind == TreeNode::Kind::map) return true;
  problem(path, node, "expected a map (`key: value` lines), found " + describe(node));
  return false;
}

bool TreeReader::read_text(const TreeNode& node, const std::string& path, std::string& out) {
  if (node.kind == TreeNode::Kind::null) {  // `key:` with nothing after it: empty text
    out.clear();
    return true;
  }
  if (node.kind != TreeNode::Kind::scalar) {
    problem(path, node, "expected text, found " + describe(node));
    return false;
  }
  out = node.text;
  return true;
}

bool TreeReader::read_number(const TreeNode& node, const std::string& path, double& out) {
  if (node.kind == TreeNode::Kind::scalar && !node.is_string) {
    if (auto value = parse_number(node.text)) {
      out = *value;
      return true;
    }
  }
  problem(path, node, "expected a number, found " + describe(node));
  return false;
}

bool TreeReader::read_int(const TreeNode& node, const std::string& path, int& out) {
  if (node.kind == TreeNode::Kind::scalar && !node.is_string) {
    if (auto value = parse_int(node.text)) {
      out = *value;
      return true;
    }
  }
  problem(path, node, "expected a whole number, found " + describe(node));
  return false;
}

bool TreeReader::read_bool(const TreeNode& node, const std::string& path, bool& out) {
  if (node.kind == TreeNode::Kind::scalar && !node.is_string &&
      (node.text == "true" || node.text == "false")) {
    out = node.text == "true";
    return true;
  }
  problem(path, node, "expected true or false, found " + describe(node));
  return false;
}

bool TreeReader::read_text_list(const TreeNode& node, const std::string& path,
                                std::vector<std::string>& out) {
  return read_list<std::string>(node, path, out,
                                [this](const TreeNode& item, const std::string& item_path,
                                       std::string& text) { read_text(item, item_path, text); });
}

bool TreeReader::read_year_map(const TreeNode& node, const std::string& path,
                               std::map<int, double>& out) {
  if (node.kind == TreeNode::Kind::null) return true;
  if (!expect_map(node, path)) return false;
  out.clear();
  bool ok = true;
  for (const auto& entry : node.entries) {
    std::string entry_path = path + "." + entry.key;
    auto year = parse_int(entry.key);
    if (!year || entry.key.find_first_not_of("-0123456789") != std::string::npos) {
      problem(entry_path, entry.value,
              "`" + entry.key + "` is not a year; keys here are ROC years such as 104");
      ok = false;
      continue;
    }
    if (out.count(*year)) {
      problem(entry_path, entry.value, "year " + entry.key + " is given twice");
      ok = false;
      continue;
    }
    double value = 0;
    if (read_number(entry.value, entry_path, value)) {
      out[*year] = value;
    } else {
      ok = false;
    }
  }
  return ok;
}

MapReader::MapReader(TreeReader& reader, const TreeNode& node, std::string path,
                     std::initializer_list<std::string_view> allowed,
                     std::initializer_list<std::string_view> required)
    : reader_(reader), node_(node), path_(std::move(path)) {
  if (!reader_.expect_map(node_, path_)) return;
  ok_ = true;
  for (std::size_t i = 0; i < node_.entries.size(); ++i) {
    const auto& entry = node_.entries[i];
    TreeNode at_key;
    at_key.line = entry.line;
    at_key.column = entry.column;
    if (std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end()) {
      if (reader_.ignores(entry.key)) continue;
      std::string message = "unknown key `" + entry.key + "`";
      std::string_view closest;
      std::size_t best = 3;  // suggest only near misses (typos)
      for (auto candidate : allowed) {
        std::size_t distance = edit_distance(entry.key, candidate);
        if (distance < best) best = distance, closest = candidate;
      }
      if (!closest.empty()) message += "; did you mean `" + std::string(closest) + "`?";
      message += " Allowed keys: " + TreeReader::join(allowed);
      reader_.problem(path_of(entry.key), at_key, message);
      continue;
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (node_.entries[j].key == entry.key) {
        reader_.problem(path_of(entry.key), at_key,
                        "key `" + entry.key + "` is given twice; keep one");
        break;
      }
    }
  }
  for (auto key : required) {
    // Only absence is structural; an empty value is core validation's to judge.
    if (find(key) == nullptr)
      reader_.problem(path_, node_, "missing required key `" + std::string(key) + "`");
  }
}

const TreeNode* MapReader::find(std::string_view key) const {
  if (!ok_) return nullptr;
  for (const auto& entry : node_.entries)
    if (entry.key == key) return &entry.value;
  return nullptr;
}

std::string MapReader::path_of(std::string_view key) const {
  return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void MapReader::text(std::string_view key, std::string& out) {
  if (const TreeNode* value = find(key)) reader_.read_text(*value, path_of(key), out);
}
void MapReader::number(std::string_view key, double& out) {
  if (const TreeNode* value = find(key)) reader_.read_number(*value, path_of(key), out);
}
void MapReader::optional_number(std::string_view key, std::optional<double>& out) {
  const TreeNode* value = find(key);
  if (value == nullptr || value->kind == TreeNode::Kind::null) return;
  double number = 0;
  if (reader_.read_number(*value, path_of(key), number)) out = number;
}
void MapReader::integer(std::string_view key, int& out) {
  if (const TreeNode* value = find(key)) reader_.read_int(*value, path_of(key), out);
}
void MapReader::boolean(std::string_view key, bool& out) {
  if (const TreeNode* value = find(key)) reader_.read_bool(*value, path_of(key), out);
}
void MapReader::text_list(std::string_view key, std::vector<std::string>& out) {
  if (const TreeNode* value = find(key)) reader_.read_text_list(*value, path_of(key), out);
}
void MapReader::year_map(std::string_view key, std::map<int, double>& out) {
  if (const TreeNode* value = find(key)) reader_.read_year_map(*value, path_of(key), out);
}

}  // namespace planscore::planfile
