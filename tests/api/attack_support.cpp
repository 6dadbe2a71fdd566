#include "attack_support.h"

#include <gtest/gtest.h>

#include <sstream>

#include "http/server_process.h"

namespace planscore::test {

const std::vector<std::string>& injection_payloads() {
  static const std::vector<std::string> payloads = {
      "' OR '1'='1",
      "' OR 1=1--",
      "\" OR \"\"=\"",
      "\") OR 1=1--",
      "') OR ('1'='1",
      "1; DROP TABLE users--",
      "'; DROP TABLE users; --",
      "1'; DELETE FROM audit_log; --",
      "'; UPDATE users SET role='admin'; --",
      "'; ATTACH DATABASE '/tmp/planscore-pwned.db' AS pwned; --",
      "'||(SELECT password_hash FROM users LIMIT 1)||'",
      "' UNION SELECT id, username, password_hash, role FROM users--",
      "1 UNION SELECT NULL, NULL, NULL--",
      "1) UNION ALL SELECT sqlite_version()--",
      "1 AND 1=(SELECT COUNT(*) FROM sqlite_master)",
      "/* comment */ 1",
      "1 -- comment",
      "1 # comment",
      "%27",
      "%",
      "_",
      "*",
      "\\",
      "\\'",
      "\\\"",
      "\\x27",
      std::string("a\0b", 3),
      std::string(1, '\0'),
      "\r\nX-Injected: 1",
      "\t\n",
      "\xEF\xBC\x87 OR \xEF\xBC\x87"
      "1\xEF\xBC\x87=\xEF\xBC\x87"
      "1",  // fullwidth apostrophes
      "\xE2\x80\x98 OR \xE2\x80\x99"
      "1\xE2\x80\x99=\xE2\x80\x99"
      "1",  // curly quotes
      "\xCA\xBC OR \xCA\xBC"
      "1\xCA\xBC=\xCA\xBC"
      "1",  // modifier apostrophes
      "研習' OR '1'='1",
      "-1",
      "0",
      "99999999999999999999999",
      "1e309",
      "NULL",
      "true",
      std::string(4096, '\''),
      std::string(20000, 'A') + "' OR '1'='1",
  };
  return payloads;
}

std::string url_encode(const std::string& text) {
  static const char* hex = "0123456789ABCDEF";
  std::string encoded;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      encoded += static_cast<char>(c);
    } else {
      encoded += '%';
      encoded += hex[c >> 4];
      encoded += hex[c & 15];
    }
  }
  return encoded;
}

DatabaseSnapshot snapshot(const TestDatabase& database) {
  DatabaseSnapshot result;
  for (const std::string& table : database.tables()) {
    const auto count = database.rows("SELECT COUNT(*) FROM \"" + table + "\"");
    if (!count.empty()) result.row_counts[table] = std::stol(count.front());
  }
  for (const std::string& row : database.rows("SELECT * FROM users ORDER BY id")) {
    result.users += row + "\n";
  }
  return result;
}

std::vector<std::string> changed_tables(const DatabaseSnapshot& before,
                                        const DatabaseSnapshot& after) {
  std::vector<std::string> changed;
  for (const auto& [table, count] : after.row_counts) {
    const auto found = before.row_counts.find(table);
    const long old = found == before.row_counts.end() ? -1 : found->second;
    if (old != count)
      changed.push_back(table + ": " + std::to_string(old) + " → " + std::to_string(count));
  }
  for (const auto& [table, count] : before.row_counts)
    if (!after.row_counts.count(table)) changed.push_back(table + ": dropped");
  if (before.users != after.users) changed.push_back("users: rows changed");
  return changed;
}

}  // namespace planscore::test
