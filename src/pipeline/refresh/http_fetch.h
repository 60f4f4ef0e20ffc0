#pragma once
// One HTTP GET for the refresh job (ccap_geodata refresh), with libcurl, bounded in every way a
// feed can misbehave:
//   - a timeout for the connection and one for the whole response (a feed that trickles forever
//     is cut off);
//   - a size bound: a body longer than max_bytes is cut off and refused, never held whole;
//   - retries with back-off: transport errors, 408, 429 and 5xx are tried again after 1, 2, 4 ...
//     seconds (at most max_attempts tries), a 429's or 503's Retry-After (seconds) honoured up to
//     kMaxRetryAfterSeconds; other statuses are answers, not retried;
//   - TLS verification on (peer and host), always;
//   - secrets (an API key in a header or the query) never in what is returned or logged: the
//     request's description names the header and writes "***" for its value.
// The wait between tries goes through `sleep`, so that a test runs on its own clock.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace ccap::pipeline {

inline constexpr double kMaxRetryAfterSeconds = 300;

struct HttpHeader {
  std::string name, value;
  bool secret = false;  // an API key: never printed
};

struct HttpRequest {
  std::string url;
  std::vector<HttpHeader> headers = {};
  std::vector<std::string> secret_query_values = {};  // values in the URL that are secrets (a query's api_key)
  double connect_timeout_s = 10;
  double timeout_s = 60;
  std::size_t max_bytes = 32u << 20;
  int max_attempts = 4;
};

struct HttpResponse {
  long status = 0;  // 0: no HTTP answer (a transport error: `error` says which)
  std::string content_type;
  std::string body;   // empty unless the status was had and the body was whole and within bounds
  std::string error;  // empty: an answer was had (any status); else why not, secrets left out
  int attempts = 0;
  double waited_s = 0;  // in back-off, all tries
  bool ok() const { return error.empty() && status >= 200 && status < 300; }
};

// The request as it may be printed: the URL with its secret values as "***", the secret headers'
// values as "***".
std::string describe(const HttpRequest& request);

// `log` hears one line per retry ("GET <url>: HTTP 429; again in 3 s (try 2 of 4)").
HttpResponse http_get(const HttpRequest& request, const std::function<void(double seconds)>& sleep,
                      const std::function<void(const std::string&)>& log = {});

}  // namespace ccap::pipeline
