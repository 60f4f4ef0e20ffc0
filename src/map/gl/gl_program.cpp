#include "map/gl/gl_program.h"

#include <vector>

#include "shaders_embedded.h"

namespace ccap::render {

namespace {

constexpr const char* kPrelude = "#version 300 es\nprecision highp float;\n";

std::string shader_log(GLuint shader) {
  GLint length = 0;
  glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
  std::vector<char> log(static_cast<std::size_t>(length > 1 ? length : 1));
  glGetShaderInfoLog(shader, static_cast<GLsizei>(log.size()), nullptr, log.data());
  return log.data();
}

GLuint compile(GLenum type, const std::vector<const char*>& sources, std::string& error) {
  GLuint shader = glCreateShader(type);
  glShaderSource(shader, static_cast<GLsizei>(sources.size()), sources.data(), nullptr);
  glCompileShader(shader);
  GLint ok = 0;
  glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    error = shader_log(shader);
    glDeleteShader(shader);
    return 0;
  }
  return shader;
}

}  // namespace

GlProgram::~GlProgram() {
  if (id_) glDeleteProgram(id_);
}

GLint GlProgram::uniform(const char* name) const {
  for (const auto& [known, location] : uniforms_)
    if (known == name) return location;
  const GLint location = glGetUniformLocation(id_, name);
  uniforms_.emplace_back(name, location);
  return location;
}

std::string GlProgram::build(const char* name, const char* vertex, const char* fragment, bool with_map_common,
                             const std::string& defines) {
  std::string error;
  std::vector<const char*> vs{kPrelude, defines.c_str()};
  if (with_map_common) vs.push_back(shaders::map_common_glsl);
  vs.push_back(vertex);
  const GLuint v = compile(GL_VERTEX_SHADER, vs, error);
  if (!v) return std::string(name) + " vertex shader: " + error;
  const GLuint f = compile(GL_FRAGMENT_SHADER, {kPrelude, defines.c_str(), fragment}, error);
  if (!f) {
    glDeleteShader(v);
    return std::string(name) + " fragment shader: " + error;
  }
  const GLuint program = glCreateProgram();
  glAttachShader(program, v);
  glAttachShader(program, f);
  glLinkProgram(program);
  glDeleteShader(v);
  glDeleteShader(f);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    GLint length = 0;
    glGetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<std::size_t>(length > 1 ? length : 1));
    glGetProgramInfoLog(program, static_cast<GLsizei>(log.size()), nullptr, log.data());
    glDeleteProgram(program);
    return std::string(name) + " program: " + log.data();
  }
  if (id_) glDeleteProgram(id_);
  id_ = program;
  uniforms_.clear();
  return {};
}

}  // namespace ccap::render
