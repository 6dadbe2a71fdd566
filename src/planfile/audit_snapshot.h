#pragma once
// What an audit entry's JSON snapshot (service/snapshots.h) tells about its object, for
// naming it in the log: a record's text values, an evidence file's name.
#include <map>
#include <string>

namespace planscore::planfile {

struct SnapshotFacts {
  std::map<std::string, std::string> text_values;  // a record's string values by field id
  std::string file_name;                           // an evidence file's, or empty
};

// Nothing for text that is empty or not a snapshot.
SnapshotFacts read_snapshot(const std::string& json_text);

}  // namespace planscore::planfile
