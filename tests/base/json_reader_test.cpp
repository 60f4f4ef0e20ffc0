#include "base/json_reader.h"

#include <gtest/gtest.h>

namespace ccap {
namespace {

using nlohmann::json;

std::vector<std::string> problems_parsing(std::string_view text) {
  JsonProblems problems("f.json");
  EXPECT_FALSE(parse_json(text, problems)) << text;
  return problems.list();
}

}  // namespace

TEST(JsonReader, ParseErrorsNameTheLineAndColumnAndNeverThrow) {
  EXPECT_EQ(problems_parsing("{\n  \"a\": 1,\n  \"b\": ]\n}"),
            std::vector<std::string>{"f.json: not valid JSON at line 3, column 8: syntax error while parsing value - "
                                     "unexpected ']'; expected '[', '{', or a literal"});
  EXPECT_EQ(problems_parsing("").at(0).rfind("f.json: not valid JSON at line 1, column 1: ", 0), 0u);
  // A number out of double's range is an error, not infinity.
  EXPECT_NE(problems_parsing("{\"lat\": 1e400}").at(0).find("number overflow"), std::string::npos);
  // Ill-formed UTF-8 is refused, not replaced with U+FFFD.
  EXPECT_NE(problems_parsing("{\"name\": \"H\xE1\xBA\"}").at(0).find("UTF-8"), std::string::npos);
}

// nlohmann keeps the last of two equal keys and a NUL inside a string without a word.
TEST(JsonReader, ADuplicateKeyOrANulIsReadAndNamedWithItsPlace) {
  JsonProblems problems("c.json");
  const auto doc =
      parse_json(R"({"cities": [{"id": "a", "name": "A"}, {"id": "b", "id": "c", "name": "B\u0000x"}]})", problems);
  ASSERT_TRUE(doc);
  EXPECT_EQ((*doc)["cities"][1]["id"], "c");
  const std::vector<std::string> expected{
      "c.json: /cities/1/id: is given twice in one object: the last one is used",
      "c.json: /cities/1/name: a NUL character (\\u0000): the text ends there",
  };
  EXPECT_EQ(problems.take(), expected);
  JsonProblems clean("d.json");
  ASSERT_TRUE(parse_json(R"({"a": [1, {"a": 2}], "b": {"a": [[], {}]}})", clean));
  EXPECT_TRUE(clean.take().empty()) << "the same key in different objects is not a repeat";
}

TEST(JsonReader, DeepNestingIsRefusedBeforeAnythingIsBuilt) {
  const std::string deep = std::string(100'000, '[') + std::string(100'000, ']');
  EXPECT_EQ(problems_parsing(deep), std::vector<std::string>{"f.json: not read: nested deeper than 64 levels"});
  JsonProblems ok("f.json");
  const std::string fine = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(parse_json(fine, ok));
}

TEST(JsonReader, AByteOrderMarkIsSkipped) {
  JsonProblems problems("f.json");
  const auto j = parse_json("\xEF\xBB\xBF{\"a\": 1}", problems);
  ASSERT_TRUE(j) << problems.list().at(0);
  EXPECT_EQ((*j)["a"], 1);
}

TEST(JsonReader, FieldsReportTheFirstProblemWithItsPointer) {
  JsonProblems problems("f.json");
  const json entry = json::parse(R"({"name": "", "lat": 95, "n": 2.5, "tags": ["a", 3], "a/b": 1})");
  JsonObject f(entry, "/cities/3", problems);
  EXPECT_EQ(f.text("name"), "");
  EXPECT_FALSE(f.ok());
  EXPECT_EQ(f.number("lat", -90, 90), 0.0) << "nothing is read after the first problem";
  EXPECT_EQ(problems.list(), std::vector<std::string>{"f.json: /cities/3/name: must not be empty"});

  JsonProblems more("f.json");
  JsonObject g(entry, "/x", more);
  EXPECT_EQ(g.text("missing", Presence::Optional), "");
  EXPECT_TRUE(g.ok());
  EXPECT_EQ(g.number("lat", -90, 90), 0.0);
  JsonObject h(entry, "/y", more);
  EXPECT_EQ(h.integer("n", 0, 10), 0);
  JsonObject t(entry, "/z", more);
  EXPECT_TRUE(t.texts("tags").empty());
  EXPECT_EQ(more.list(),
            (std::vector<std::string>{"f.json: /x/lat: is 95, outside -90.0..90.0",
                                      "f.json: /y/n: must be a whole number", "f.json: /z/tags/1: must be a string"}));
  EXPECT_EQ(json_pointer("/k", "a/b~c"), "/k/a~1b~0c");
}

TEST(JsonReader, WrongTypesAreProblemsNotExceptions) {
  JsonProblems problems("f.json");
  const json entry = json::parse(R"({"s": 1, "n": "1", "big": 18446744073709551615, "list": {"a": 1}})");
  JsonObject a(entry, "", problems);
  EXPECT_EQ(a.text("s"), "");
  JsonObject b(entry, "", problems);
  EXPECT_EQ(b.number("n", 0, 10), 0.0);
  JsonObject c(entry, "", problems);
  EXPECT_EQ(c.integer_or("big", -5), -5) << "does not fit a long long";
  EXPECT_FALSE(c.flag("s"));
  EXPECT_TRUE(c.texts("list").empty());
  JsonObject d(json::array({1}), "/arr", problems);
  EXPECT_FALSE(d.ok());
  EXPECT_EQ(array_at(entry, "", "list", Presence::Optional, problems).size(), 0u);
  EXPECT_EQ(array_at(entry, "", "none", Presence::Optional, problems).size(), 0u);
  EXPECT_EQ(array_at(entry, "", "none", Presence::Required, problems).size(), 0u);
  EXPECT_EQ(problems.list(),
            (std::vector<std::string>{"f.json: /s: must be a string", "f.json: /n: must be a number",
                                      "f.json: /list: must be an array", "f.json: /arr: must be an object",
                                      "f.json: /list: must be an array", "f.json: /none: is missing"}));
}

}  // namespace ccap

namespace ccap {

TEST(JsonReader, AProblemNeverCarriesRawBytesFromTheInput) {
  const auto problems = problems_parsing("\xC3\xBF\xC3\xBE");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("<0xC3>"), std::string::npos) << problems[0];
  EXPECT_NO_THROW((void)nlohmann::json(problems[0]).dump()) << "a notice must serialise";
}

}  // namespace ccap
