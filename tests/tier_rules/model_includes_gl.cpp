// Built only by the test TierRule.model_includes_gl_fails_to_build, which passes when this does
// not compile: a model tier may not reach OpenGL.
#include "map/gl/gl.h"

int tier_probe() { return static_cast<int>(glGetError()); }
