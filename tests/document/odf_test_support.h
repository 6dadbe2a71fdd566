#pragma once
// Reading ODF files back with tools that did not write them: the bytes go to a temporary
// file, and python3-odf, Python's zipfile and xml.etree or unzip report what is inside,
// one fact per line.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace planscore::test {

// A temporary directory removed with everything in it when the object goes.
class TempDirectory {
 public:
  TempDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "planscore-odf-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDirectory() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  // Writes `bytes` to `name` inside the directory and returns the file's path.
  std::string write(const std::string& name, const std::string& bytes) const {
    const std::filesystem::path file = path_ / name;
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int status = -1;
  std::string output;  // stdout and stderr
};

inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  while (const std::size_t read = std::fread(buffer, 1, sizeof buffer, pipe))
    result.output.append(buffer, read);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream in(text);
  while (std::getline(in, part, separator)) parts.push_back(part);
  return parts;
}

// Runs a Python script on `file` with Debian's python3 (where python3-odf lives) and
// returns its output lines; a failing script fails the test.
inline std::vector<std::string> python_lines(const TempDirectory& directory,
                                             const std::string& script, const std::string& file) {
  const std::string script_path = directory.write("reader.py", script);
  const CommandResult result = run_command("/usr/bin/python3 " + script_path + " " + file);
  EXPECT_EQ(result.status, 0) << result.output;
  return split(result.output, '\n');
}

// The lines starting with `prefix` + tab, without the prefix.
inline std::vector<std::string> tagged(const std::vector<std::string>& lines,
                                       const std::string& prefix) {
  std::vector<std::string> found;
  for (const std::string& line : lines)
    if (line.starts_with(prefix + "\t")) found.push_back(line.substr(prefix.size() + 1));
  return found;
}

// Common to both readers: the package must load in python3-odf, every XML part must
// parse, and the entries are listed.
inline constexpr const char* kReaderPrelude = R"PY(
import sys, zipfile
import xml.etree.ElementTree as ET
from odf.opendocument import load
from odf import teletype
from odf.namespaces import (TEXTNS, TABLENS, STYLENS, FONS, DRAWNS, XLINKNS, OFFICENS,
                            NUMBERNS)

sys.stdout.reconfigure(encoding='utf-8')
path = sys.argv[1]
doc = load(path)
with zipfile.ZipFile(path) as archive:
    for name in archive.namelist():
        if name.endswith('.xml'):
            ET.fromstring(archive.read(name))
    print('ENTRIES\t' + ' '.join(archive.namelist()))
from odf import dc as _dc
for _title in doc.meta.getElementsByType(_dc.Title):
    print('TITLE\t' + teletype.extractText(_title))

def esc(s):
    return s.replace('\\', '\\\\').replace('\n', '\\n').replace('\t', '\\t')

def attr(e, ns, name):
    return e.attributes.get((ns, name), '')

def children(e, ns, name):
    return [c for c in e.childNodes if c.qname == (ns, name)]

def get(e, ns, name):
    return attr(e, ns, name) if e is not None else ''

def child(e, ns, name):
    found = children(e, ns, name)
    return found[0] if found else None

automatic = {attr(s, STYLENS, 'name'): s for s in doc.automaticstyles.childNodes
             if s.qname[0] in (STYLENS, NUMBERNS)}

def props(style_name, kind):
    s = automatic.get(style_name)
    p = child(s, STYLENS, kind) if s is not None else None
    return p
)PY";

}  // namespace planscore::test
