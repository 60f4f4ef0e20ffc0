#pragma once
// A linked GLSL ES 3.00 program, built from the embedded shaders with a common prelude.
#include <string>
#include <utility>
#include <vector>

#include "map/gl/gl.h"

namespace ccap::render {

class GlProgram {
 public:
  GlProgram() = default;
  GlProgram(const GlProgram&) = delete;
  GlProgram& operator=(const GlProgram&) = delete;
  ~GlProgram();

  // `with_map_common`: prepend shaders/map_common.glsl to the vertex shader; `defines` (lines of
  // "#define NAME value") go before both stages. Returns an empty string on success, else the
  // compiler's or linker's log naming the shader.
  std::string build(const char* name, const char* vertex, const char* fragment, bool with_map_common,
                    const std::string& defines = {});
  void use() const { glUseProgram(id_); }
  // The uniform's location, asked of GL once per program and name (WebGL answers each question
  // with a call into JavaScript and a new object); -1 when the program has no such uniform.
  GLint uniform(const char* name) const;
  bool valid() const { return id_ != 0; }

 private:
  GLuint id_ = 0;
  mutable std::vector<std::pair<std::string, GLint>> uniforms_;  // few per program: a flat list
};

}  // namespace ccap::render
