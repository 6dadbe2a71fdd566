#pragma once
// Reads a PDF back through poppler's pdftotext, an independent reader, so the tests see
// what a person copying text out of the file would get.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace planscore::document::pdf_test {

// A file holding the bytes for the life of the object.
class TempFile {
 public:
  explicit TempFile(const std::string& bytes, const char* suffix = ".pdf") {
    std::string name = (std::filesystem::temp_directory_path() / "planscore-pdf-XXXXXX").string();
    const int fd = mkstemp(name.data());
    if (fd < 0) throw std::runtime_error("mkstemp failed");
    close(fd);
    path_ = name + suffix;
    std::filesystem::rename(name, path_);
    std::ofstream(path_, std::ios::binary) << bytes;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

inline std::string run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  if (pclose(pipe) != 0) throw std::runtime_error("command failed: " + command);
  return out;
}

// pdftotext -layout of the whole file (first = 0) or of pages first..last (1-based).
inline std::string pdf_text(const std::string& pdf, int first = 0, int last = 0) {
  const TempFile file(pdf);
  std::string range;
  if (first > 0) range = " -f " + std::to_string(first) + " -l " + std::to_string(last);
  return run("pdftotext -layout" + range + " '" + file.path() + "' -");
}

// One string per page: pdftotext ends every page with a form feed.
inline std::vector<std::string> pdf_pages(const std::string& pdf) {
  const std::string text = pdf_text(pdf);
  std::vector<std::string> pages;
  std::size_t start = 0;
  for (std::size_t feed = text.find('\f'); feed != std::string::npos;
       feed = text.find('\f', start)) {
    pages.push_back(text.substr(start, feed - start));
    start = feed + 1;
  }
  return pages;
}

inline std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string::npos) return {};
  return s.substr(begin, s.find_last_not_of(" \t\r\n") - begin + 1);
}

// The page's non-blank lines, trimmed.
inline std::vector<std::string> page_lines(const std::string& page) {
  std::vector<std::string> lines;
  std::istringstream in(page);
  for (std::string line; std::getline(in, line);)
    if (!trim(line).empty()) lines.push_back(trim(line));
  return lines;
}

inline int count_of(const std::string& text, const std::string& needle) {
  int count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

}  // namespace planscore::document::pdf_test
