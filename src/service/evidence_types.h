#pragma once
// Which files may be attached as evidence: an allow-list by extension, each checked
// against the file's first bytes so a renamed executable is not accepted as a PDF.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace planscore::service {

// The content type to store and serve for `file_name` with `content`, or nullopt when
// the type is not allowed or the bytes do not match it.
std::optional<std::string> evidence_content_type(std::string_view file_name,
                                                 std::string_view content);
// Why `file_name` is unusable (path parts, control characters, length), or nullopt.
std::optional<std::string> file_name_problem(std::string_view file_name);
// The names accepted, for messages: ".pdf, .png, …".
std::string allowed_evidence_extensions();
// The same, one by one (".pdf", ".png" …), for clients that check a file before sending it.
std::vector<std::string> evidence_extensions();

}  // namespace planscore::service
