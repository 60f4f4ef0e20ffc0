#include "pipeline/refresh/http_fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <mutex>

namespace ccap::pipeline {

namespace {

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string redact(std::string text, const HttpRequest& r) {
  const auto hide = [&](const std::string& secret) {
    if (secret.empty()) return;
    for (std::size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at + 3))
      text.replace(at, secret.size(), "***");
  };
  for (const std::string& s : r.secret_query_values) hide(s);
  for (const HttpHeader& h : r.headers)
    if (h.secret) hide(h.value);
  return text;
}

struct Sink {
  std::string body;
  std::size_t max_bytes = 0;
  bool too_big = false;
};

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* sink = static_cast<Sink*>(user);
  const std::size_t n = size * count;
  if (sink->body.size() + n > sink->max_bytes) {
    sink->too_big = true;
    return 0;  // curl stops: CURLE_WRITE_ERROR
  }
  sink->body.append(data, n);
  return n;
}

struct Attempt {
  long status = 0;
  std::string content_type, body, error;
  double retry_after = -1;  // seconds, from the header; -1: none
};

std::size_t read_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* a = static_cast<Attempt*>(user);
  const std::size_t n = size * count;
  std::string line(data, n);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    if (name == "retry-after") {
      char* end = nullptr;
      const double v = std::strtod(line.c_str() + colon + 1, &end);
      if (end != line.c_str() + colon + 1 && std::isfinite(v) && v >= 0) a->retry_after = v;
    }
  }
  return n;
}

Attempt attempt(const HttpRequest& r) {
  Attempt a;
  CURL* curl = curl_easy_init();
  if (!curl) {
    a.error = "libcurl could not start";
    return a;
  }
  Sink sink;
  sink.max_bytes = r.max_bytes;
  curl_slist* headers = nullptr;
  for (const HttpHeader& h : r.headers) headers = curl_slist_append(headers, (h.name + ": " + h.value).c_str());
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "https");
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.connect_timeout_s * 1000));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout_s * 1000));
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip and the rest, decoded
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "clean-air-atlas-refresh/1");
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, read_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &a);
  const CURLcode code = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &a.status);
  if (const char* type = nullptr; curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type)
    a.content_type = type;
  if (sink.too_big) {
    a.error = "the answer is longer than " + std::to_string(r.max_bytes) + " bytes; refused";
  } else if (code != CURLE_OK) {
    a.error = std::string(curl_easy_strerror(code)) + (error[0] ? std::string(": ") + error : std::string());
  } else {
    a.body = std::move(sink.body);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  return a;
}

bool worth_again(const Attempt& a) {
  if (a.error.find("longer than") != std::string::npos) return false;  // the same again
  if (!a.error.empty()) return true;                                   // transport: timeouts, resets
  return a.status == 408 || a.status == 429 || a.status >= 500;
}

}  // namespace

std::string describe(const HttpRequest& request) {
  std::string out = "GET " + request.url;
  for (const HttpHeader& h : request.headers)
    if (h.secret) out += " [" + h.name + ": ***]";
  return redact(out, request);
}

HttpResponse http_get(const HttpRequest& request, const std::function<void(double seconds)>& sleep,
                      const std::function<void(const std::string&)>& log) {
  init_curl_once();
  HttpResponse out;
  const int tries = std::max(1, request.max_attempts);
  for (int n = 1;; ++n) {
    Attempt a = attempt(request);
    out.attempts = n;
    out.status = a.error.empty() ? a.status : 0;
    out.content_type = a.content_type;
    out.error = redact(a.error, request);
    if (!worth_again(a) || n == tries) {
      if (a.error.empty()) out.body = std::move(a.body);
      return out;
    }
    double wait = std::pow(2.0, n - 1);  // 1, 2, 4 ... s
    if (a.retry_after >= 0 && (a.status == 429 || a.status == 503))
      wait = std::min(a.retry_after, kMaxRetryAfterSeconds);
    if (log)
      log(describe(request) + ": " + (a.error.empty() ? "HTTP " + std::to_string(a.status) : redact(a.error, request)) +
          "; again in " + std::to_string(static_cast<int>(std::ceil(wait))) + " s (try " + std::to_string(n + 1) +
          " of " + std::to_string(tries) + ")");
    out.waited_s += wait;
    sleep(wait);
  }
}

}  // namespace ccap::pipeline
