#include "planfile/json_input.h"

#include <algorithm>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

namespace planscore::planfile {
namespace {

using Json = nlohmann::json;

// nlohmann-json's SAX interface; returning false stops the parse at the first fault.
class FaultFinder {
 public:
  explicit FaultFinder(const JsonInputRules& rules) : rules_(rules) {}

  std::optional<JsonInputFault> fault;

  bool null() { return count() && value(); }
  bool boolean(bool) { return count() && value(); }
  bool number_integer(Json::number_integer_t) { return count() && value(); }
  bool number_unsigned(Json::number_unsigned_t) { return count() && value(); }
  bool number_float(Json::number_float_t, const Json::string_t&) { return count() && value(); }
  bool binary(Json::binary_t&) { return count() && value(); }
  bool string(Json::string_t& text) {
    if (!count()) return false;
    if (rules_.refuse_nul && text.find('\0') != std::string::npos)
      return refuse(JsonInputFault::Kind::nul_character, path());
    return value();
  }

  bool start_object(std::size_t) { return open(true); }
  bool start_array(std::size_t) { return open(false); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(Json::string_t& name) {
    Frame& frame = frames_.back();
    if (past_max_nodes())
      return refuse(JsonInputFault::Kind::too_many_nodes, path(frames_.size() - 1));
    if (rules_.refuse_nul && name.find('\0') != std::string::npos)
      return refuse(JsonInputFault::Kind::nul_character,
                    joined(path(frames_.size() - 1), "(a key)"));
    auto [at, added] = frame.keys.insert(name);
    frame.key = &*at;
    if (!added) {
      fault = JsonInputFault{JsonInputFault::Kind::duplicate_key, path(), name};
      return false;
    }
    return true;
  }

  // Syntax errors are the DOM parser's to report, with its own wording.
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) {
    return false;
  }

 private:
  struct Frame {
    bool is_object = false;
    std::size_t index = 0;             // arrays: the position of the next value
    const std::string* key = nullptr;  // objects: the key of the value being read
    std::set<std::string> keys;        // objects: every key read so far
  };

  bool open(bool is_object) {
    if (static_cast<int>(frames_.size()) >= rules_.max_depth)
      return refuse(JsonInputFault::Kind::too_deep, path());
    if (!count()) return false;
    frames_.push_back(Frame{is_object, 0, nullptr, {}});
    return true;
  }
  bool close() {
    frames_.pop_back();
    return value();
  }
  // A value is complete: the next one in an array has the next position.
  bool value() {
    if (!frames_.empty() && !frames_.back().is_object) ++frames_.back().index;
    return true;
  }
  // One more key or value: a key names its object, a value its own path.
  bool past_max_nodes() { return rules_.max_nodes > 0 && ++nodes_ > rules_.max_nodes; }
  bool count() { return !past_max_nodes() || refuse(JsonInputFault::Kind::too_many_nodes, path()); }
  bool refuse(JsonInputFault::Kind kind, std::string where) {
    fault = JsonInputFault{kind, std::move(where), {}};
    return false;
  }

  std::string joined(const std::string& path, const std::string& segment) const {
    return path.empty() ? segment : path + "." + segment;
  }

  // The path of the value being read in the innermost of the first `depth` frames (all of
  // them unless told).
  std::string path(std::size_t depth = SIZE_MAX) const {
    std::string text;
    for (std::size_t i = 0; i < std::min(depth, frames_.size()); ++i) {
      const Frame& frame = frames_[i];
      if (frame.is_object) {
        text = joined(text, frame.key ? *frame.key : std::string());
      } else if (rules_.index_style == JsonIndexStyle::bracketed) {
        text += "[" + std::to_string(frame.index) + "]";
      } else {
        text = joined(text, std::to_string(frame.index));
      }
    }
    return text;
  }

  JsonInputRules rules_;
  std::vector<Frame> frames_;
  int nodes_ = 0;
};

}  // namespace

std::optional<JsonInputFault> find_json_input_fault(std::string_view text,
                                                    const JsonInputRules& rules) {
  FaultFinder finder(rules);
  Json::sax_parse(text.begin(), text.end(), &finder);
  return std::move(finder.fault);
}

}  // namespace planscore::planfile
