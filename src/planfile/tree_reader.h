#pragma once
// Typed reads from a DocumentTree, each recording a Problem (with its path and, for YAML,
// its line) instead of failing on the first mistake, so a planner sees every one at once.
#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/problem.h"
#include "planfile/document_tree.h"

namespace planscore::planfile {

class TreeReader {
 public:
  TreeReader(core::Problems& problems, bool ignore_computed_keys)
      : problems_(problems), ignore_computed_keys_(ignore_computed_keys) {}

  void problem(const std::string& path, const TreeNode& node, std::string message);

  bool read_text(const TreeNode& node, const std::string& path, std::string& out);
  bool read_number(const TreeNode& node, const std::string& path, double& out);
  bool read_int(const TreeNode& node, const std::string& path, int& out);
  bool read_bool(const TreeNode& node, const std::string& path, bool& out);
  bool read_text_list(const TreeNode& node, const std::string& path, std::vector<std::string>& out);
  bool read_year_map(const TreeNode& node, const std::string& path, std::map<int, double>& out);

  // Reads an enum by its spelling; `names` lists every spelling for the message.
  template <typename Enum, typename FromName>
  bool read_enum(const TreeNode& node, const std::string& path, Enum& out, FromName from_name,
                 std::initializer_list<std::string_view> names) {
    std::string text;
    if (!read_text(node, path, text)) return false;
    if (auto value = from_name(text)) {
      out = *value;
      return true;
    }
    problem(path, node, "`" + text + "` is not allowed here; use one of: " + join(names));
    return false;
  }

  template <typename Item>
  bool read_list(const TreeNode& node, const std::string& path, std::vector<Item>& out,
                 const std::function<void(const TreeNode&, const std::string&, Item&)>& read) {
    if (node.kind == TreeNode::Kind::null) return true;
    if (!expect_list(node, path)) return false;
    out.clear();
    for (std::size_t i = 0; i < node.items.size(); ++i) {
      Item item{};
      read(node.items[i], path + "[" + std::to_string(i) + "]", item);
      out.push_back(std::move(item));
    }
    return true;
  }

  bool expect_list(const TreeNode& node, const std::string& path);
  bool expect_map(const TreeNode& node, const std::string& path);
  bool ignores(std::string_view key) const;

  static std::string join(std::initializer_list<std::string_view> names);

 private:
  core::Problems& problems_;
  bool ignore_computed_keys_;
};

// One map of the file: checks its keys against the allowed ones on construction, then
// hands out values by key.
class MapReader {
 public:
  MapReader(TreeReader& reader, const TreeNode& node, std::string path,
            std::initializer_list<std::string_view> allowed,
            std::initializer_list<std::string_view> required);

  bool ok() const { return ok_; }
  const TreeNode* find(std::string_view key) const;
  std::string path_of(std::string_view key) const;

  void text(std::string_view key, std::string& out);
  void number(std::string_view key, double& out);
  // Left empty when the key is absent (or null).
  void optional_number(std::string_view key, std::optional<double>& out);
  void integer(std::string_view key, int& out);
  void boolean(std::string_view key, bool& out);
  void text_list(std::string_view key, std::vector<std::string>& out);
  void year_map(std::string_view key, std::map<int, double>& out);

  template <typename Enum, typename FromName>
  void enumeration(std::string_view key, Enum& out, FromName from_name,
                   std::initializer_list<std::string_view> names) {
    if (const TreeNode* value = find(key))
      reader_.read_enum(*value, path_of(key), out, from_name, names);
  }

  template <typename Item>
  void list(std::string_view key, std::vector<Item>& out,
            const std::function<void(const TreeNode&, const std::string&, Item&)>& read) {
    if (const TreeNode* value = find(key)) reader_.read_list(*value, path_of(key), out, read);
  }

 private:
  TreeReader& reader_;
  const TreeNode& node_;
  std::string path_;
  bool ok_ = false;
};

}  // namespace planscore::planfile
