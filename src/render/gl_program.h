#pragma once
// A linked GLSL ES 3.00 program, built from the embedded shaders with a common prelude.
#include <string>

#include "render/gl.h"

namespace ccap::render {

class GlProgram {
 public:
  GlProgram() = default;
  GlProgram(const GlProgram&) = delete;
  GlProgram& operator=(const GlProgram&) = delete;
  ~GlProgram();

  // `with_map_common`: prepend shaders/map_common.glsl to the vertex shader. Returns an empty
  // string on success, else the compiler's or linker's log naming the shader.
  std::string build(const char* name, const char* vertex, const char* fragment, bool with_map_common);
  void use() const { glUseProgram(id_); }
  GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }
  bool valid() const { return id_ != 0; }

 private:
  GLuint id_ = 0;
};

}  // namespace ccap::render
