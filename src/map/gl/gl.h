#pragma once
// The one place that includes the OpenGL ES 3.0 API (WebGL2 in the browser, GLES3 on Mesa).
#ifdef CCAP_MODEL_TIER
#error "a model tier must not use OpenGL: move the drawing into the feature's gl/ tier"
#endif
#include <GLES3/gl3.h>
