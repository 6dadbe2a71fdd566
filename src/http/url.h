#pragma once
// Decoding the path of a request target. Kept apart from the server so the rules that
// static files and routing rely on can be tested on their own.
#include <optional>
#include <string>
#include <string_view>

namespace planscore::http {

// Percent-decodes a URL path ("/a%20b" → "/a b"). '+' stays '+' (form encoding belongs to
// queries only). Empty when an escape is malformed, the result holds a NUL byte, or it is
// not valid UTF-8: such a path names nothing a handler or the file system should see.
std::optional<std::string> decode_path(std::string_view raw);

bool is_valid_utf8(std::string_view text);

}  // namespace planscore::http
