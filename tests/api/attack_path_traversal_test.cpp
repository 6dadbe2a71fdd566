// Path traversal: static files under a web root holding symbolic links that point out of
// it, asked for with every spelling of ".." (encoded, double-encoded, backslashes, NUL,
// overlong UTF-8, absolute paths); and evidence file names that try to name paths or
// inject headers into the download's Content-Disposition.
#include <gtest/gtest.h>

#include <filesystem>

#include "api_fixture.h"
#include "attack_support.h"

namespace planscore::test {
namespace {

const std::string kIndex = "<!doctype html><title>planscore</title>";

class AttackPathTraversal : public ::testing::Test {
 protected:
  AttackPathTraversal() {
    // outside/secret.txt sits next to the web root, linked from inside it in every way.
    files.write("outside/secret.txt", "SECRET-OUTSIDE-THE-ROOT");
    files.write("web/index.html", kIndex);
    files.write("web/assets/app.js", "console.log(1)");
    const auto web = files.path() / "web";
    std::filesystem::create_symlink("../outside/secret.txt", web / "escape.txt");
    std::filesystem::create_symlink(files.path() / "outside", web / "outside-dir");
    std::filesystem::create_symlink("/etc/passwd", web / "passwd.txt");
    std::filesystem::create_symlink("/etc", web / "etc");
    std::filesystem::create_symlink("..", web / "up");
    world = std::make_unique<ApiWorld>(false, std::vector<std::string>{"--web-root", web.string()});
  }
  TestDirectory files;
  std::unique_ptr<ApiWorld> world;
};

TEST_F(AttackPathTraversal, StaticFilesNeverLeaveTheWebRoot) {
  HttpClient client(world->base_url());
  ASSERT_EQ(client.get("/assets/app.js").status, 200);
  const std::string root = files.path().string();
  const std::vector<std::string> paths = {
      "/../../etc/passwd",
      "/../outside/secret.txt",
      "/assets/../../outside/secret.txt",
      "/%2e%2e/%2e%2e/etc/passwd",
      "/%2E%2E/outside/secret.txt",
      "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
      "/..%2foutside%2fsecret.txt",
      "/%252e%252e%252foutside%252fsecret.txt",
      "/%25252e%25252e%25252fetc%25252fpasswd",
      "/..\\..\\etc\\passwd",
      "/..%5c..%5coutside%5csecret.txt",
      "/%5c..%5coutside%5csecret.txt",
      "/assets/..%5c..%5coutside%5csecret.txt",
      "/..%c0%af..%c0%afetc%c0%afpasswd",
      "/%c0%ae%c0%ae/outside/secret.txt",
      "/.%2e/outside/secret.txt",
      "/%00/../outside/secret.txt",
      "/index.html%00.txt",
      "/escape.txt%00",
      "//etc/passwd",
      "/%2fetc%2fpasswd",
      "/" + root + "/outside/secret.txt",
      "/" + url_encode(root + "/outside/secret.txt"),
      "/file:///etc/passwd",
      "/escape.txt",
      "/passwd.txt",
      "/outside-dir/secret.txt",
      "/etc/passwd",
      "/etc/hostname",
      "/up/outside/secret.txt",
      "/up/web/index.html",
      "/.%2e",
      "/assets/.",
      "/assets/./../../outside/secret.txt",
  };
  for (const auto& path : paths) {
    for (const char* method : {"GET", "HEAD"}) {
      const auto result = client.request(method, path);
      const std::string what = std::string(method) + " " + path;
      ASSERT_NE(result.status, 0) << what << ": " << result.error;
      // A path without an extension that names nothing is the client's route: index.html.
      const bool index =
          result.status == 200 && (method == std::string("HEAD") || result.body == kIndex);
      EXPECT_TRUE(result.status == 400 || result.status == 404 || index)
          << what << " → " << result.status << ": " << result.body.substr(0, 200);
      EXPECT_EQ(result.body.find("SECRET-OUTSIDE"), std::string::npos) << what;
      EXPECT_EQ(result.body.find("root:"), std::string::npos) << what;
      EXPECT_EQ(result.body.find(root + "/web"), std::string::npos) << what << " reveals the root";
    }
  }
  // Links to files outside the root, and files that exist but are refused, are 404s.
  for (const char* path :
       {"/escape.txt", "/passwd.txt", "/outside-dir/secret.txt", "/up/outside/secret.txt",
        "/../outside/secret.txt", "/%2e%2e/outside/secret.txt", "/..%5coutside%5csecret.txt"})
    EXPECT_EQ(client.get(path).status, 404) << path;
}

TEST_F(AttackPathTraversal, EvidenceFileNamesNameNoPathAndInjectNoHeader) {
  auto editor = world->login("editor");
  const std::string upload = "/api/reviews/105/b1-1/evidence?file_name=";
  const std::vector<std::string> refused = {
      "../../x.pdf",
      "..\\..\\x.pdf",
      "/etc/passwd.txt",
      "C:\\Windows\\x.txt",
      "a/b.txt",
      std::string("a\0b.txt", 7),
      std::string("x.txt\0.exe", 10),
      "x\r\nSet-Cookie: planscore_session=evil.txt",
      "x\nLocation: http://evil.txt",
      "x\r.txt",
      "\t.txt",
      ".",
      "..",
      "",
      std::string(256, 'a') + ".txt",
  };
  for (const auto& name : refused) {
    const auto result = editor->send_raw("POST", upload + url_encode(name), "note", "text/plain");
    EXPECT_TRUE(result.status == 400 || result.status == 422)
        << url_encode(name) << " → " << result.status << " " << result.body;
  }
  EXPECT_EQ(editor->get_json("/api/reviews/105/b1-1")["evidence"].size(), 0u);

  // Names that are allowed but hostile in a header: quotes, semicolons, percent signs,
  // encoded-word look-alikes, non-ASCII, the longest allowed name.
  const std::vector<std::string> accepted = {
      "a\"; filename=\"evil.txt",
      "x; filename*=UTF-8''evil.txt",
      "%0d%0aSet-Cookie:%20x=1.txt",
      "=?utf-8?q?evil?=.txt",
      "簽到表（第1場）.txt",
      std::string(251, 'n') + ".txt",
      "\xE2\x80\xA8line-separator.txt",
  };
  for (const auto& name : accepted) {
    const auto stored = editor->send_raw("POST", upload + url_encode(name), "note", "text/plain");
    const std::string what = url_encode(name);
    ASSERT_EQ(stored.status, 201) << what << ": " << stored.body;
    const auto evidence = parse_json(stored);
    EXPECT_EQ(evidence["file_name"], name) << what;
    const auto download =
        editor->get("/api/evidence/" + std::to_string(evidence["id"].get<long>()));
    ASSERT_EQ(download.status, 200) << what;
    EXPECT_EQ(download.body, "note");
    EXPECT_EQ(download.headers.count("content-disposition"), 1u) << what;
    EXPECT_EQ(download.headers.count("set-cookie"), 0u) << what;
    const auto disposition = download.header("content-disposition");
    EXPECT_EQ(disposition.rfind("attachment; filename=\"", 0), 0u) << disposition;
    // One quoted ASCII name and one percent-encoded UTF-8 name, nothing else.
    const auto quoted_end = disposition.find("\"; filename*=UTF-8''");
    ASSERT_NE(quoted_end, std::string::npos) << disposition;
    const auto quoted = disposition.substr(22, quoted_end - 22);
    EXPECT_EQ(quoted.find_first_of("\"\\\r\n"), std::string::npos) << disposition;
    for (unsigned char c : quoted) EXPECT_TRUE(c >= 0x20 && c < 0x7f) << disposition;
    const auto encoded = disposition.substr(quoted_end + 20);
    EXPECT_EQ(encoded.find_first_not_of(
                  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_%"),
              std::string::npos)
        << disposition;
  }
}

}  // namespace
}  // namespace planscore::test
