#pragma once
// What commands read and print besides their own output: input files checked before they
// are read, output to a file or stdout, passwords from stdin, and errors on stderr.
#include <cstddef>
#include <stdexcept>
#include <string>

#include "core/problem.h"

namespace planscore::cli {

// A failure the user can fix; its message is printed as the first line on stderr, its
// problems one per line below.
struct CommandError : std::runtime_error {
  CommandError(const std::string& message, core::Problems details = {})
      : std::runtime_error(message), problems(std::move(details)) {}
  core::Problems problems;
};

// The whole file at `path`, which must be a regular file of at most `max_bytes` (`what`
// names such files: "plan files"). Checked before reading: /dev/zero or a FIFO would
// otherwise be read until memory runs out, and a file over the limit would be read only
// to be refused.
std::string read_file(const std::string& path, std::size_t max_bytes, const std::string& what);
std::string read_plan_file(const std::string& path);

// To standard output when `path` is empty or "-".
void write_output(const std::string& path, const std::string& text);

// A password typed or piped on standard input: the first line, without its newline.
std::string read_password();
void print_new_password(const std::string& password);

void print_error(const std::string& message, const core::Problems& problems);

}  // namespace planscore::cli
