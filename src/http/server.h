#pragma once
// The HTTP server: RESTinio on a pool of threads, answering every request through one
// Router (paths under /api, and every path when there is no web root) or from the web root
// (other GET and HEAD requests).
//
// Around every exchange it
// - fills Request: decoded path, decoded query, lower-cased header names (repeated fields
//   joined by ", ", cookies by "; "), body, the peer's address; an undecodable path or
//   query gets a 400 problem document;
// - answers HEAD like GET without the body;
// - adds the security headers (security_headers.h) to every response;
// - with config.tls(), speaks only HTTPS (TLS 1.2 or later) on its port; a client has
//   read_timeout to finish the handshake too.
// - logs one access line (logging.h).
//
// Limits. RESTinio reads a whole request before the handler runs and, when a request
// breaks one of its limits, closes the connection without answering. So:
// - a body up to max_body_bytes reaches the handler;
// - a body up to max_body_bytes + min(max_body_bytes, 1 MiB) is read and answered with a
//   413 problem document (and Connection: close);
// - a larger body makes RESTinio drop the connection as soon as Content-Length announces it
//   (a chunked body: when it grows past it). The client sees the connection closed or
//   reset, no status; a warning is logged. Clients should check sizes before uploading.
// - the URL and each header field value are limited to max_header_bytes, names to 256
//   bytes, and a request to 100 fields; beyond that the connection is dropped the same way.
// - a client has read_timeout to send a whole request, head and body, and to read each
//   part of the response; max_connections connections are served at once, more wait in
//   the listen backlog; one client address may hold max_connections_per_address of them
//   (more are closed as they arrive), so idle sockets from one client cannot starve the
//   rest.
// - a header name that is not a token ("Transfer-Encoding : chunked", "X Name") is
//   answered 400 and ends the connection: a proxy in front may frame the body otherwise.
// - requests pipelined on one connection are read up to four ahead, carried out and
//   answered in order.
//
// Threads. Request threads (config.threads) answer quick routes. A route marked runs_long
// (reports, imports, plan checks) runs on one of report_workers threads instead; up to
// three times as many more wait their turn, and past that a request is answered 503 with
// Retry-After at once. A long request whose client has gone while it waited is dropped
// (logged with status 499). A response with a `stream` is written as chunks from its
// report worker, each waited for, so a reader that stops reading holds one worker and
// bounded memory, and one that disconnects stops its producer; a stream that fails part
// way is left unfinished (the connection closes after request_timeout), so the client
// never takes a truncated body for a whole one. Response::send_after holds a response on
// a timer, not a thread.
//
// Shutdown (stop(), or SIGTERM/SIGINT under run()): the listening socket closes at once;
// held responses go out at once; requests already being handled finish and their
// responses are written (with Connection: close), waiting at most request_timeout for the
// writes; streams stop where they are and long requests still waiting are answered 503;
// then every other connection is closed and the threads end. A handler that never returns
// holds shutdown up, as its thread cannot be abandoned.
#include <cstdint>
#include <memory>

#include "http/config.h"
#include "http/router.h"

namespace planscore::http {

class Server {
 public:
  // `router` must outlive the server. Throws std::runtime_error when web_root is set but is
  // not a directory, and ConfigError naming the file when the TLS certificate or key
  // cannot be used.
  Server(ServerConfig config, const Router& router);
  ~Server();  // stop()s
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Listens and starts the threads; returns at once with the bound port (the one chosen
  // when config.port is 0). Throws std::runtime_error naming the address when it cannot
  // listen (port in use, no such interface). Call at most once.
  std::uint16_t start();

  // Graceful shutdown (see above); returns when every thread has ended. Idempotent; call it
  // from any thread but the server's own (never from a handler).
  void stop();

  // What `planscore serve` does: start(), print "planscore: listening on
  // http://ADDRESS:PORT" to stdout, serve until SIGTERM or SIGINT (or until stop() is
  // called on another thread), then stop(). "https://" when serving TLS. Returns the exit code, 0.
  int run();

  std::uint16_t port() const;  // 0 before start()

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace planscore::http
