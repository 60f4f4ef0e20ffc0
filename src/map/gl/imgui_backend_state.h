#pragma once
// Force-included into Dear ImGui's OpenGL 3 backend (cmake/ThirdParty.cmake): the backend's backup
// of the GL state it changes answers from GL's initial state instead of reading it back.
//
// Why: ImGui_ImplOpenGL3_RenderDrawData reads ~20 values (glGetIntegerv, glIsEnabled) before it draws
// and sets them again after. In WebGL most of those reads (viewport, scissor box, blend functions and
// equations) are synchronous calls to the GPU process: the page's main thread waits there until every
// command issued before it has been executed. With 10,000 markers on SwiftShader that wait was
// 2.5 s of every 4 s of the main thread (tests/bench/profile_frame.mjs), and it stops the page from
// preparing the next frame while the GPU draws this one.
//
// The contract that makes the readback unnecessary: after the UI is drawn, GL is in the state a new
// context starts in (no program, buffer, vertex array or texture bound; texture unit 0; blending,
// culling, depth, stencil and scissor tests off; blend function ONE, ZERO; equation FUNC_ADD). Every
// renderer sets the state it draws with (map/gl/frame_renderer.cpp sets the viewport and clears at the
// start of each frame; each layer binds its program and vertex array and sets its blending). The
// viewport and scissor box read as empty: FrameRenderer::begin and the offscreen target set their own.
// Values the backend reads at start-up (GL version, extensions) still come from GL.
#include <GLES3/gl3.h>

namespace ccap::imgui_backend {

inline void get_integer(GLenum name, GLint* value) {
  switch (name) {
    case GL_ACTIVE_TEXTURE: *value = GL_TEXTURE0; return;
    case GL_CURRENT_PROGRAM:
    case GL_TEXTURE_BINDING_2D:
    case GL_SAMPLER_BINDING:
    case GL_ARRAY_BUFFER_BINDING:
    case GL_VERTEX_ARRAY_BINDING: *value = 0; return;
    case GL_VIEWPORT:
    case GL_SCISSOR_BOX: value[0] = value[1] = value[2] = value[3] = 0; return;
    case GL_BLEND_SRC_RGB:
    case GL_BLEND_SRC_ALPHA: *value = GL_ONE; return;
    case GL_BLEND_DST_RGB:
    case GL_BLEND_DST_ALPHA: *value = GL_ZERO; return;
    case GL_BLEND_EQUATION_RGB:
    case GL_BLEND_EQUATION_ALPHA: *value = GL_FUNC_ADD; return;
    default: glGetIntegerv(name, value);
  }
}

inline GLboolean is_enabled(GLenum capability) {
  switch (capability) {
    case GL_BLEND:
    case GL_CULL_FACE:
    case GL_DEPTH_TEST:
    case GL_STENCIL_TEST:
    case GL_SCISSOR_TEST: return GL_FALSE;
    default: return glIsEnabled(capability);
  }
}

}  // namespace ccap::imgui_backend

// For GLES3 the backend includes <GLES3/gl3.h> itself (a no-op after the include above), so from
// here on these two names are ours throughout its file.
#define glGetIntegerv ::ccap::imgui_backend::get_integer
#define glIsEnabled ::ccap::imgui_backend::is_enabled
